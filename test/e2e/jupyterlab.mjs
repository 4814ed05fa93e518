// Starts the real JupyterLab for browser tests through scripts/start.sh (the `npm start`
// path), on a free local port with a known token, and always shuts it down again.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

export const REPO_ROOT = new URL("../..", import.meta.url).pathname.replace(/\/$/, "");

/** A free TCP port on 127.0.0.1 (the OS picks it; it is released before JupyterLab binds it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts JupyterLab on `rootDir` (user settings and workspaces in `stateDir`) and resolves
 * once its REST API answers.
 * A restart passes the previous `port` and `token` (the server then fails rather than take
 * another port); `args` are further `jupyter lab` arguments, `env` further environment variables.
 * Returns `{ baseUrl, port, token, pid, stop }`; `pid` is the Jupyter server's process id,
 * `stop()` shuts the server and its kernels down (through `api/shutdown`, like a user would).
 * Rejects (after stopping what was started) with the log's tail if it exits or is not
 * ready within `timeoutMs`.
 */
export async function startJupyterLab({ rootDir, stateDir, logFile, timeoutMs = 120_000, port: fixedPort, token: fixedToken, args = [], env = {} }) {
  const port = fixedPort ?? (await freePort());
  const token = fixedToken ?? randomBytes(16).toString("hex");
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = createWriteStream(logFile);
  const portFlags = fixedPort === undefined ? [] : ["--ServerApp.port_retries=0"];
  const child = spawn(
    "bash",
    [join(REPO_ROOT, "scripts/start.sh"), `--IdentityProvider.token=${token}`, "--LabApp.expose_app_in_browser=True", ...portFlags, ...args],
    {
      cwd: REPO_ROOT,
      detached: true, // own process group, so stop() reaches everything start.sh started
      env: {
        ...process.env,
        ...env,
        PMXLAB_PORT: String(port),
        PMXLAB_ROOT_DIR: rootDir,
        PMXLAB_OPEN_BROWSER: "0",
        // the test's own settings and workspaces, so it never changes the user's `npm start` state
        JUPYTERLAB_SETTINGS_DIR: join(stateDir, "user-settings"),
        JUPYTERLAB_WORKSPACES_DIR: join(stateDir, "workspaces"),
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  // output can still arrive after the exit (and after the log was ended): write while writable
  const toLog = (chunk) => void (log.writable && log.write(chunk));
  child.stdout.on("data", toLog);
  child.stderr.on("data", toLog);
  let exited = null;
  const exit = new Promise((resolve) => child.once("exit", (code, signal) => resolve((exited = { code, signal }))));

  const stop = async () => {
    if (exited) return;
    try {
      await fetch(`${baseUrl}/api/shutdown`, { method: "POST", headers: { Authorization: `token ${token}` }, signal: AbortSignal.timeout(5_000) });
    } catch {
      // not up (yet): the signals below end it
    }
    const signalGroup = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    };
    if (!(await Promise.race([exit, delay(10_000)]))) signalGroup("SIGTERM");
    if (!(await Promise.race([exit, delay(10_000)]))) signalGroup("SIGKILL");
    await exit;
    log.end();
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`JupyterLab exited (${JSON.stringify(exited)}) before it was ready; log ${logFile}:\n${tail(logFile)}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`JupyterLab did not answer on ${baseUrl} within ${timeoutMs / 1000} s; log ${logFile}:\n${tail(logFile)}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/status`, { headers: { Authorization: `token ${token}` }, signal: AbortSignal.timeout(2_000) });
      // start.sh execs Jupyter, so the shell's pid is the server's
      if (response.ok) return { baseUrl, port, token, pid: child.pid, stop };
    } catch {
      // not listening yet
    }
    await delay(500);
  }
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(() => resolve(false), ms));
}

function tail(file, lines = 30) {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}
