// The grader's child process: bounded in time (its whole process group is killed), given
// only the variables named, and — when the service is root — run as an unprivileged user.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runIsolated, systemUser } from "../../src/submissions/isolated-run.js";

/** Whether a process runs: it exists and is not a zombie waiting for a parent that does not reap. */
function running(pid: number): boolean {
  if (!existsSync(`/proc/${pid}/stat`)) return false;
  return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
}

describe("an isolated run", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "pmxlab-isolated-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("is killed with everything it started at the time bound", async () => {
    const started = Date.now();
    // A child that starts a grandchild and waits forever (as a kernel would).
    const result = await runIsolated({ command: "sh", args: ["-c", "sleep 300 & echo $! > pid; wait"], cwd: dir, env: { PATH: "/usr/bin:/bin" }, timeoutMs: 1_000 });
    expect(result.timedOut).toBe(true);
    expect(Date.now() - started).toBeLessThan(10_000);
    const grandchild = execFileSync("cat", [join(dir, "pid")], { encoding: "utf8" }).trim();
    await new Promise((r) => setTimeout(r, 200));
    expect(running(Number(grandchild))).toBe(false); // gone too
  });

  it("sees only the variables it is given (no LLM key, no hub token)", async () => {
    process.env.PMXLAB_LLM_API_KEY = "sk-test-never-passed";
    try {
      const result = await runIsolated({ command: "env", args: [], cwd: dir, env: { PATH: "/usr/bin:/bin", HOME: dir }, timeoutMs: 10_000 });
      expect(result.code).toBe(0);
      expect(result.output.trim().split("\n").sort()).toEqual([`HOME=${dir}`, "PATH=/usr/bin:/bin"]);
    } finally {
      delete process.env.PMXLAB_LLM_API_KEY;
    }
  });

  it("runs as an unprivileged user when the service is root (and cannot switch user otherwise)", async () => {
    const nobody = systemUser("nobody");
    expect(nobody.uid).not.toBe(0);
    const run = runIsolated({ command: "id", args: ["-u"], cwd: "/", env: { PATH: "/usr/bin:/bin" }, timeoutMs: 10_000, as: nobody });
    if (process.getuid?.() === 0) expect((await run).output.trim()).toBe(String(nobody.uid));
    else await expect(run).rejects.toThrow(/EPERM/);
  });
});
