// The server's configuration, read once from the environment (see docs/server.md). The LLM
// key lives here and nowhere the browser can read.
import { homedir } from "node:os";
import { join } from "node:path";

export interface ServerConfig {
  /** Where the SQLite file lives (PMXLAB_DATA_DIR; default $XDG_DATA_HOME/pmxlab or ~/.local/share/pmxlab). */
  dataDir: string;
  /** PMXLAB_DATABASE_URL: PostgreSQL instead of SQLite. */
  databaseUrl?: string;
  llm?: { baseURL: string; apiKey: string; model: string; timeoutMs: number; maxRetries: number };
  /** PMXLAB_LLM_GGUF: a local model file served in-process (used when no endpoint is set). */
  gguf?: { file: string; timeoutMs: number };
  /** PMXLAB_RECORD_TEXT=0 keeps questions and replies out of the records. */
  recordText: boolean;
  /** PMXLAB_LOG_STUDENT_CODE=1 puts the student's code into the debug log (off by default). */
  logStudentCode: boolean;
  /** Tutor requests per user per minute (PMXLAB_TUTOR_RATE, default 20). */
  tutorRatePerMinute: number;
  /** Check records (POST /records/check) per user per minute (PMXLAB_CHECK_RATE, default 120). */
  checkRatePerMinute: number;
  /** Notebook submissions per user per minute (PMXLAB_SUBMIT_RATE, default 20). */
  submitRatePerMinute: number;
  /** Folder of instructor course notebooks whose solutions the leak guard knows (PMXLAB_COURSES_DIR). */
  coursesDir?: string;
}

/** The configuration from `env`; a malformed value is an error naming the variable. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const dataDir = env.PMXLAB_DATA_DIR || join(env.XDG_DATA_HOME || join(homedir(), ".local", "share"), "pmxlab");
  const config: ServerConfig = {
    dataDir,
    recordText: flag(env, "PMXLAB_RECORD_TEXT", true),
    logStudentCode: flag(env, "PMXLAB_LOG_STUDENT_CODE", false),
    tutorRatePerMinute: positive(env, "PMXLAB_TUTOR_RATE", 20),
    checkRatePerMinute: positive(env, "PMXLAB_CHECK_RATE", 120),
    submitRatePerMinute: positive(env, "PMXLAB_SUBMIT_RATE", 20),
  };
  if (env.PMXLAB_DATABASE_URL) config.databaseUrl = env.PMXLAB_DATABASE_URL;
  if (env.PMXLAB_COURSES_DIR) config.coursesDir = env.PMXLAB_COURSES_DIR;
  if (env.PMXLAB_LLM_GGUF) config.gguf = { file: env.PMXLAB_LLM_GGUF, timeoutMs: positive(env, "PMXLAB_LLM_TIMEOUT_MS", 60_000) };
  if (env.PMXLAB_LLM_BASE_URL || env.PMXLAB_LLM_MODEL) {
    if (!env.PMXLAB_LLM_BASE_URL || !env.PMXLAB_LLM_MODEL) throw new Error("PMXLAB_LLM_BASE_URL and PMXLAB_LLM_MODEL must be set together");
    config.llm = {
      baseURL: env.PMXLAB_LLM_BASE_URL,
      // Local servers (llama.cpp, Ollama, vLLM) accept any key; the client insists on one.
      apiKey: env.PMXLAB_LLM_API_KEY || "none",
      model: env.PMXLAB_LLM_MODEL,
      timeoutMs: positive(env, "PMXLAB_LLM_TIMEOUT_MS", 60_000),
      maxRetries: positive(env, "PMXLAB_LLM_RETRIES", 2, true),
    };
  }
  return config;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const v = env[name];
  if (v === undefined || v === "") return fallback;
  if (v === "1" || v === "true") return true;
  if (v === "0" || v === "false") return false;
  throw new Error(`${name} must be 1 or 0 (got "${v}")`);
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number, zeroAllowed = false): number {
  const v = env[name];
  if (v === undefined || v === "") return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < (zeroAllowed ? 0 : 1)) throw new Error(`${name} must be a ${zeroAllowed ? "non-negative" : "positive"} integer (got "${v}")`);
  return n;
}
