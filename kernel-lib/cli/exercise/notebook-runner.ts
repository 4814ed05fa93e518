import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Notebook } from "@pmxlab/kernel/exercise";

/** How one cell of a headless run went. */
export interface CellRun {
  status: "ok" | "error" | "timeout" | "not-run" | "abort";
  outputs: { output_type: string; name?: string; text?: string | string[]; data?: Record<string, unknown>; ename?: string; evalue?: string }[];
  seconds: number;
}

/** A headless run: one entry per cell, and why it stopped early (kernel died, time-out), if it did. */
export interface NotebookRun {
  cells: CellRun[];
  stopped: string | null;
}

export interface RunLimits {
  /** Seconds one cell may run before it is interrupted (default 60). */
  cellTimeout: number;
  /** Seconds the whole notebook may take, kernel start included, before everything is killed. */
  notebookTimeout: number;
  /** V8 heap cap of the kernel, MB (NODE_OPTIONS --max-old-space-size); none when undefined. */
  memoryMb?: number;
}

/**
 * The Python of the project's venv (`bash scripts/setup.sh` makes it, with jupyter, nbclient
 * and the tslab kernelspec): `PMXLAB_VENV_PYTHON`, else `.venv/bin/python` in the first
 * folder upwards from here or from the working directory that has one.
 */
export function venvPython(): string {
  const fromEnv = process.env.PMXLAB_VENV_PYTHON;
  if (fromEnv) return fromEnv;
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = resolve(start); ; dir = dirname(dir)) {
      const candidate = join(dir, ".venv", "bin", "python");
      if (existsSync(candidate)) return candidate;
      if (dirname(dir) === dir) break;
    }
  }
  throw new Error("no project venv found (.venv/bin/python): run `bash scripts/setup.sh` first, or set PMXLAB_VENV_PYTHON");
}

// The runner is Python because nbclient (Jupyter's own notebook executor, in the venv with
// the tslab kernelspec) already handles the kernel's start, messages, per-cell time-outs
// with interrupts and dead-kernel detection; see docs/exercises.md.
const RUNNER = resolve(__dirname, "../../../cli/exercise/run_notebook.py");

/**
 * Executes `notebook` headless in the tslab kernel with working directory `cwd`. Never
 * throws for what the notebook does: a crash, `process.exit`, an endless loop or memory
 * exhaustion comes back as cell statuses and `stopped`; the process group is killed at
 * the notebook time-out.
 */
export async function runNotebook(notebook: Notebook, cwd: string, limits: RunLimits): Promise<NotebookRun> {
  const first = await runOnce(notebook, cwd, limits);
  // jupyter_client picks free ports per kernel; two kernels starting at once can pick the
  // same one and refuse each other's messages ("Invalid Signature"). Such a failure of the
  // runner itself (not of the notebook) is worth one more try.
  return first.stopped?.startsWith(RUNNER_FAILED) ? runOnce(notebook, cwd, limits) : first;
}

const RUNNER_FAILED = "the notebook runner failed";

/** Process groups of the runners and kernels alive now, killed should this command be stopped. */
const alive = new Set<number>();
let stopHandlers = false;

function killAllOnStop(): void {
  if (stopHandlers) return;
  stopHandlers = true;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      for (const pid of alive) killGroup(pid);
      process.exit(130);
    });
  }
}

function runOnce(notebook: Notebook, cwd: string, limits: RunLimits): Promise<NotebookRun> {
  killAllOnStop();
  const env = { ...process.env };
  if (limits.memoryMb !== undefined) env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ""} --max-old-space-size=${limits.memoryMb}`.trim();
  const child = spawn(venvPython(), [RUNNER], { cwd, env, detached: true, stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  let kernelPid: number | undefined;
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => {
    stderr = (stderr + d).slice(-4000);
    if (kernelPid === undefined) {
      kernelPid = Number(/PMXLAB_KERNEL_PID (\d+)/.exec(stderr)?.[1]) || undefined;
      if (kernelPid !== undefined) alive.add(kernelPid);
    }
  });
  if (child.pid !== undefined) alive.add(child.pid);
  child.stdin.end(JSON.stringify({ notebook, cwd, kernel: "tslab", cellTimeout: limits.cellTimeout }));
  return new Promise((done) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(kernelPid);
      killGroup(child.pid);
    }, limits.notebookTimeout * 1000);
    const notRun = (reason: string): NotebookRun => ({ cells: notebook.cells.map(() => ({ status: "not-run", outputs: [], seconds: 0 })), stopped: reason });
    child.on("error", (error) => {
      clearTimeout(timer);
      done(notRun(`could not start the notebook runner: ${error.message}`));
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (child.pid !== undefined) alive.delete(child.pid);
      if (kernelPid !== undefined) alive.delete(kernelPid);
      // A runner that failed may leave its kernel behind; one that finished shut it down.
      if (code !== 0) killGroup(kernelPid);
      if (timedOut) return done(notRun(`the notebook did not finish within ${limits.notebookTimeout} s and was stopped`));
      try {
        return done(JSON.parse(stdout) as NotebookRun);
      } catch {
        const last = stderr.trim().split("\n").slice(-1)[0] ?? "";
        return done(notRun(`${RUNNER_FAILED} (exit ${code}): ${last}`));
      }
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // already gone
  }
}
