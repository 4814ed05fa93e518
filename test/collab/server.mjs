// The real JupyterLab with jupyter-collaboration (started through scripts/start.sh by the
// browser tests' harness) on a fixed port and root folder, so it can be stopped and started
// again under the clients' feet.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startJupyterLab } from "../e2e/jupyterlab.mjs";

/**
 * Starts JupyterLab on a fresh temporary root folder.
 * Returns `{ baseUrl, token, rootDir, pid(), exited(), restart(how, { whileStopped, env }), stop() }`:
 * `restart` stops the server ("shutdown": `api/shutdown`; "SIGTERM"/"SIGKILL": that signal
 * to the server process; "crashed": it killed itself, at a crash point), calls
 * `whileStopped()`, and starts it again on the same port and root, with `env` added to its
 * environment (e.g. `{ PMXLAB_COLLAB_CRASH: "file-written:marker" }`); `stop` also removes
 * the root folder. `startCollabServer(name, { env, startTimeoutMs })` sets the first start's
 * environment and how long each start may take (120 s).
 *
 * @example
 *   const server = await startCollabServer("chaos");
 *   await server.restart("SIGKILL");
 *   await server.stop();
 */
export async function startCollabServer(name, { keepRoot = false, env = {}, startTimeoutMs = 120_000 } = {}) {
  const rootDir = mkdtempSync(join(tmpdir(), `pmxlab-${name}-`));
  let starts = 0;
  const start = (options = {}) =>
    startJupyterLab({ rootDir, stateDir: join(rootDir, ".pmxlab", "lab"), logFile: join(rootDir, `.server-${starts++}.log`), timeoutMs: startTimeoutMs, ...options });
  let lab = await start({ env });
  const { baseUrl, port, token } = lab;
  return {
    baseUrl,
    token,
    rootDir,
    logFiles: () => Array.from({ length: starts }, (_, i) => join(rootDir, `.server-${i}.log`)),
    pid: () => lab.pid,
    /** Whether the server process is gone (e.g. killed at a crash point). */
    exited() {
      try {
        process.kill(lab.pid, 0);
        return false;
      } catch {
        return true;
      }
    },
    async restart(how = "shutdown", { whileStopped = () => {}, env = {} } = {}) {
      if (how === "SIGTERM" || how === "SIGKILL") process.kill(lab.pid, how);
      await lab.stop();
      whileStopped();
      lab = await start({ port, token, env });
    },
    async stop() {
      await lab.stop();
      if (!keepRoot) rmSync(rootDir, { recursive: true, force: true });
    },
  };
}
