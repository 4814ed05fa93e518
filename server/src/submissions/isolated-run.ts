// Runs a command the service does not trust with the service's rights (grading executes
// students' code): in its own process group, in a folder of its own, with a scrubbed
// environment (no LLM key, no hub token), a wall-clock bound after which the whole group is
// killed, and — when the service runs as root — as an unprivileged user.
import { spawn } from "node:child_process";
import { execFileSync } from "node:child_process";

export interface IsolatedRun {
  command: string;
  args: string[];
  cwd: string;
  /** The only variables the child sees. */
  env: Record<string, string>;
  /** Killed (the whole process group) after this long. */
  timeoutMs: number;
  /** Run as this uid/gid (only possible for root). */
  as?: { uid: number; gid: number };
}

export interface IsolatedResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** The last 64 KiB of stdout and stderr. */
  output: string;
}

/** The uid and gid of a system user (e.g. `nobody`), for `IsolatedRun.as`. */
export function systemUser(name: string): { uid: number; gid: number } {
  const uid = Number(execFileSync("id", ["-u", name], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", name], { encoding: "utf8" }).trim());
  return { uid, gid };
}

export function runIsolated(run: IsolatedRun): Promise<IsolatedResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(run.command, run.args, {
      cwd: run.cwd,
      env: run.env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      ...(run.as ? { uid: run.as.uid, gid: run.as.gid } : {}),
    });
    let output = "";
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString("utf8")).slice(-65_536);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }, run.timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      // Whatever the child left behind in its group (a kernel) goes with it.
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // nothing left
      }
      resolve({ code, signal, timedOut, output });
    });
  });
}
