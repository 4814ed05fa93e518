// The real hub for tests and the load test: `npm run hub` (scripts/hub.sh) on free loopback
// ports with its state and the students' homes in a temporary folder; browser-like sessions
// (sign-up, login, API tokens) over node:http; clean-up of the system users it created.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { createServer } from "node:net";
import { join } from "node:path";

export const ROOT = new URL("../../", import.meta.url).pathname;

/**
 * Four consecutive free loopback ports (hub, hub API, proxy API, class service), below the
 * kernel's ephemeral range (32768–60999 on Linux), where Jupyter kernels and outgoing
 * connections take ports at any moment.
 */
async function freePorts() {
  for (let attempt = 0; attempt < 50; attempt++) {
    const first = 20000 + Math.floor(Math.random() * 12000);
    const ok = await Promise.all([0, 1, 2, 3].map((i) => new Promise((resolve) => {
      const server = createServer().once("error", () => resolve(false)).listen(first + i, "127.0.0.1", () => server.close(() => resolve(true)));
    })));
    if (ok.every(Boolean)) return first;
  }
  throw new Error("no four consecutive free ports");
}

/**
 * One HTTP request with node:http (fetch always says "Sec-Fetch-Mode: cors", and the hub
 * decides on XSRF cookies by that header): status, Set-Cookie values and a fetch-like body.
 */
function httpRequest(url, method, headers, body) {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers }, (response) => {
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        resolve({ status: response.statusCode, headers: response.headers, cookies: response.headers["set-cookie"] ?? [], text: async () => text, json: async () => JSON.parse(text) });
      });
    });
    request.setTimeout(60_000, () => request.destroy(new Error(`${method} ${url}: no answer in 60 s`)));
    request.on("error", reject);
    request.end(body);
  });
}

/** Polls `probe` every 500 ms until it is truthy; fails after `seconds` with `detail()` (e.g. a log tail). */
export async function waitFor(what, seconds, probe, detail = () => "") {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    try {
      if (await probe()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${what}: not ready after ${seconds} s\n${detail()}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * A browser-like session with one hub: cookies, the hub's XSRF token, redirects not followed.
 * `request(path, { method, form, json, token })` answers `{ status, headers, text(), json() }`.
 */
export class Session {
  cookies = new Map();
  constructor(hub, password) {
    this.hub = hub;
    this.password = password;
  }
  async request(path, { method = "GET", form, json, token, headers = {} } = {}) {
    // The hub sets and checks its XSRF cookie as a browser's page navigation would (forms),
    // and as same-origin script requests (API calls).
    const h = form || method === "GET" ? { "sec-fetch-mode": "navigate", "sec-fetch-site": "same-origin", ...headers } : { "sec-fetch-site": "same-origin", ...headers };
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    if (token) h.authorization = `token ${token}`;
    let body;
    if (form) {
      h["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams({ ...form, _xsrf: this.cookies.get("_xsrf") ?? "" }).toString();
    } else if (json !== undefined) {
      h["content-type"] = "application/json";
      body = JSON.stringify(json);
    }
    if (method !== "GET" && !token && this.cookies.has("_xsrf")) h["x-xsrftoken"] = this.cookies.get("_xsrf");
    const response = await httpRequest(this.hub.base + path, method, h, body);
    this.hub.onResponse?.(await response.text());
    for (const cookie of response.cookies) {
      const [pair] = cookie.split(";");
      const eq = pair.indexOf("=");
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1).replace(/^"|"$/g, ""));
    }
    return response;
  }
  /** Signs up on /hub/signup; answers the page's text (it says whether approval is pending). */
  async signUp(username) {
    await this.request("/hub/signup");
    const response = await this.request("/hub/signup", { method: "POST", form: { username, email: `${username}@example.org`, signup_password: this.password, signup_password_confirmation: this.password } });
    assert.equal(response.status, 200, `sign-up of ${username}`);
    return response.text();
  }
  /** Logs in on /hub/login; a 302 is a session. */
  async logIn(username) {
    await this.request("/hub/login");
    return this.request("/hub/login", { method: "POST", form: { username, password: this.password } });
  }
  /** An API token of the logged-in user (the hub's own token API). */
  async token(username) {
    const response = await this.request(`/hub/api/users/${username}/tokens`, { method: "POST", json: { note: "pmxlab hub test", expires_in: 3600 } });
    assert.equal(response.status, 201, `token of ${username}: ${await response.text()}`);
    return (await response.json()).token;
  }
  /** Starts the user's server through the hub API with their token and waits until it is ready. */
  async startServer(username, token, seconds = 180) {
    const response = await this.request(`/hub/api/users/${username}/server`, { method: "POST", token });
    assert.ok([201, 202].includes(response.status), `start ${username}'s server: ${response.status} ${await response.text()}`);
    await waitFor(`${username}'s server`, seconds, async () => {
      const user = await (await this.request(`/hub/api/users/${username}`, { token })).json();
      return user.servers?.[""]?.ready === true;
    }, () => this.hub.logTail());
  }
}

/**
 * Starts `npm run hub` as root on free loopback ports: state and homes in a fresh folder
 * under /tmp, `instructors` approved at sign-up, `env` further PMXLAB_HUB_* settings,
 * `courses` (names under the checkout's courses/) copied into that folder as the class
 * service's courses (PMXLAB_HUB_COURSES: a test may change them), `onResponse(text)` called
 * with the body of every response a session of this hub receives. Waits for the hub and its
 * class service. Returns `{ base, homes, state, courses, pid, session(), logTail(),
 * stop(users) }`; `stop` ends the hub (its process group: proxy and services too), the
 * servers of `users` and deletes those system users with their homes, and keeps the hub log
 * in test-results/hub/<logName>.
 */
export async function startHub({ instructors, env = {}, logName = "hub.log", password, courses = [], onResponse }) {
  const tmp = mkdtempSync("/tmp/pmxlab-hub-test-");
  chmodSync(tmp, 0o755); // students' servers pass through it to their homes
  const homes = join(tmp, "homes");
  mkdirSync(homes, { mode: 0o755 });
  const logFile = join(tmp, "hub.log");
  const coursesDir = join(tmp, "courses");
  for (const course of courses) cpSync(join(ROOT, "courses", course), join(coursesDir, course), { recursive: true });
  const port = await freePorts();
  const log = openSync(logFile, "a");
  const child = spawn("bash", [join(ROOT, "scripts/hub.sh")], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", log, log],
    env: { ...process.env, PMXLAB_HUB_PORT: String(port), PMXLAB_HUB_STATE: join(tmp, "state"), PMXLAB_HUB_HOMES: homes, PMXLAB_HUB_INSTRUCTORS: instructors.join(","), ...(courses.length > 0 ? { PMXLAB_HUB_COURSES: coursesDir } : {}), ...env },
  });
  const hub = {
    base: `http://127.0.0.1:${port}`,
    homes,
    state: join(tmp, "state"),
    courses: courses.length > 0 ? coursesDir : undefined,
    pid: child.pid,
    onResponse,
    logTail: () => readFileSync(logFile, "utf8").slice(-3000),
    session: () => new Session(hub, password),
    stop: async (users) => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        process.kill(-child.pid, "SIGTERM");
        // A hub that does not stop within 20 s is killed with its proxy and services.
        const timer = setTimeout(() => process.kill(-child.pid, "SIGKILL"), 20_000);
        await exited;
        clearTimeout(timer);
      }
      removeSystemUsers(users);
      mkdirSync(join(ROOT, "test-results", "hub"), { recursive: true });
      copyFileSync(logFile, join(ROOT, "test-results", "hub", logName));
      rmSync(tmp, { recursive: true, force: true });
    },
  };
  try {
    // scripts/hub.sh first brings the set-up up to date (a changed extension is rebuilt: minutes).
    // An exited hub ends the wait at once.
    await waitFor("the hub", 600, async () => child.exitCode !== null || (await fetch(`${hub.base}/hub/api`, { signal: AbortSignal.timeout(5_000) })).status === 200, hub.logTail);
    if (child.exitCode !== null) throw new Error(`the hub exited (${child.exitCode}):\n${hub.logTail()}`);
    await waitFor("the class service", 120, async () => (await fetch(`${hub.base}/services/pmxlab/health`, { signal: AbortSignal.timeout(5_000) })).status === 200, hub.logTail);
  } catch (error) {
    // The hub creates the instructors' system users as it starts.
    await hub.stop(instructors);
    throw error;
  }
  return hub;
}

/**
 * Deletes system users the hub created, with their homes: their processes (servers and
 * kernels run as them) are killed first, or userdel refuses.
 */
export function removeSystemUsers(users) {
  for (const user of users) {
    if (spawnSync("id", [user]).status !== 0) continue;
    for (let i = 0; i < 50 && spawnSync("pgrep", ["-u", user]).status === 0; i++) {
      spawnSync("pkill", ["-KILL", "-u", user]);
      spawnSync("sleep", ["0.2"]);
    }
    const removed = spawnSync("userdel", ["--remove", user], { encoding: "utf8" });
    if (removed.status !== 0) console.error(`userdel ${user}: ${removed.stderr}`);
  }
}
