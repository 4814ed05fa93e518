import { spawn } from "node:child_process";
import { resolve } from "node:path";

/** The pmxlab command's npm bin (built by `npm run build`). */
export const PMXLAB_BIN = resolve(__dirname, "../../bin/pmxlab.js");

/**
 * Runs `pmxlab ARGS` without blocking the test's event loop (a spawnSync of several
 * minutes starves vitest's worker messages); resolves with the exit code and output.
 */
export function runPmxlab(args: string[], timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [PMXLAB_BIN, ...args], { timeout: timeoutMs });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}
