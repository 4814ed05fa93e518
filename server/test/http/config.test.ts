// The environment the admin sets, read once; a malformed value is one error naming the variable.
import { describe, expect, it } from "vitest";
import { readConfig } from "../../src/config.js";

describe("server configuration", () => {
  it("defaults: SQLite in the user's data folder, no LLM, text recorded, code not logged", () => {
    const config = readConfig({ HOME: "/home/ada", XDG_DATA_HOME: "/data" });
    expect(config).toEqual({ dataDir: "/data/pmxlab", recordText: true, logStudentCode: false, tutorRatePerMinute: 20, checkRatePerMinute: 120, submitRatePerMinute: 20 });
  });

  it("reads the endpoint, the key, PostgreSQL and the switches", () => {
    const config = readConfig({
      PMXLAB_DATA_DIR: "/srv/pmxlab",
      PMXLAB_DATABASE_URL: "postgresql://pmxlab@db/pmxlab",
      PMXLAB_LLM_BASE_URL: "http://localhost:11434/v1",
      PMXLAB_LLM_MODEL: "qwen2.5",
      PMXLAB_LLM_API_KEY: "sk-1",
      PMXLAB_LLM_TIMEOUT_MS: "15000",
      PMXLAB_LLM_RETRIES: "0",
      PMXLAB_RECORD_TEXT: "0",
      PMXLAB_CHECK_RATE: "30",
      PMXLAB_SUBMIT_RATE: "5",
    });
    expect(config.databaseUrl).toBe("postgresql://pmxlab@db/pmxlab");
    expect(config.llm).toEqual({ baseURL: "http://localhost:11434/v1", apiKey: "sk-1", model: "qwen2.5", timeoutMs: 15000, maxRetries: 0 });
    expect(config.recordText).toBe(false);
    expect(config).toMatchObject({ checkRatePerMinute: 30, submitRatePerMinute: 5 });
  });

  it("refuses a malformed value, naming the variable", () => {
    expect(() => readConfig({ PMXLAB_RECORD_TEXT: "yes" })).toThrow(/PMXLAB_RECORD_TEXT must be 1 or 0 \(got "yes"\)/);
    expect(() => readConfig({ PMXLAB_TUTOR_RATE: "-3" })).toThrow(/PMXLAB_TUTOR_RATE must be a positive integer/);
    expect(() => readConfig({ PMXLAB_LLM_BASE_URL: "http://x/v1" })).toThrow(/PMXLAB_LLM_BASE_URL and PMXLAB_LLM_MODEL must be set together/);
  });
});
