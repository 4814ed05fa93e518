// Multi-user tests against the real hub (`npm run hub`: JupyterHub, configurable-http-proxy,
// NativeAuthenticator, LocalProcessSpawner, system users): sign-up and approval, private
// homes, and that a student can reach neither another student's server or files nor the
// instructor pages. Runs as root (the hub creates system users); the users it creates have a
// per-run random suffix and are deleted afterwards, with their homes in a temporary folder.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import { createServer } from "node:net";
import { join } from "node:path";

const ROOT = new URL("../../", import.meta.url).pathname;
const run = randomBytes(3).toString("hex");
const INSTRUCTOR = `pmxi${run}`;
const ALICE = `pmxa${run}`;
const BOB = `pmxb${run}`;
const PASSWORD = `Pmx-${randomBytes(9).toString("hex")}`;

const tmp = mkdtempSync("/tmp/pmxlab-hub-test-");
chmodSync(tmp, 0o755); // students' servers pass through it to their homes
const homes = join(tmp, "homes");
mkdirSync(homes, { mode: 0o755 });
let hub;
let base;

/** Three consecutive free loopback ports (hub, hub API, proxy API). */
async function freePorts() {
  for (let attempt = 0; attempt < 50; attempt++) {
    const first = 20000 + Math.floor(Math.random() * 30000);
    const ok = await Promise.all([0, 1, 2].map((i) => new Promise((resolve) => {
      const server = createServer().once("error", () => resolve(false)).listen(first + i, "127.0.0.1", () => server.close(() => resolve(true)));
    })));
    if (ok.every(Boolean)) return first;
  }
  throw new Error("no three consecutive free ports");
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
        resolve({ status: response.statusCode, cookies: response.headers["set-cookie"] ?? [], text: async () => text, json: async () => JSON.parse(text) });
      });
    });
    request.setTimeout(60_000, () => request.destroy(new Error(`${method} ${url}: no answer in 60 s`)));
    request.on("error", reject);
    request.end(body);
  });
}

/** A browser session: cookies, the hub's XSRF token, redirects not followed. */
class Session {
  cookies = new Map();
  async request(path, { method = "GET", form, json, token, headers = {} } = {}) {
    // Node's fetch says "Sec-Fetch-Mode: cors"; the hub sets and checks its XSRF cookie as a
    // browser's page navigation would (forms), and as same-origin script requests (API calls).
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
    const response = await httpRequest(base + path, method, h, body);
    for (const cookie of response.cookies) {
      const [pair] = cookie.split(";");
      const eq = pair.indexOf("=");
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1).replace(/^"|"$/g, ""));
    }
    return response;
  }
  async signUp(username) {
    await this.request("/hub/signup");
    const response = await this.request("/hub/signup", { method: "POST", form: { username, email: `${username}@example.org`, signup_password: PASSWORD, signup_password_confirmation: PASSWORD } });
    assert.equal(response.status, 200, `sign-up of ${username}`);
    return response.text();
  }
  async logIn(username) {
    await this.request("/hub/login");
    return this.request("/hub/login", { method: "POST", form: { username, password: PASSWORD } });
  }
  /** An API token of the logged-in user (the hub's own token API). */
  async token(username) {
    const response = await this.request(`/hub/api/users/${username}/tokens`, { method: "POST", json: { note: "pmxlab hub test", expires_in: 3600 } });
    assert.equal(response.status, 201, `token of ${username}: ${await response.text()}`);
    return (await response.json()).token;
  }
}

async function waitFor(what, seconds, probe) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    try {
      if (await probe()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${what}: not ready after ${seconds} s\n${readFileSync(join(tmp, "hub.log"), "utf8").slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Starts the user's server through the hub API with their own token and waits until it is ready. */
async function startServer(username, token) {
  const session = new Session();
  const response = await session.request(`/hub/api/users/${username}/server`, { method: "POST", token });
  assert.ok([201, 202].includes(response.status), `start ${username}'s server: ${response.status} ${await response.text()}`);
  await waitFor(`${username}'s server`, 180, async () => {
    const user = await (await session.request(`/hub/api/users/${username}`, { token })).json();
    return user.servers?.[""]?.ready === true;
  });
}

const instructor = new Session();
const alice = new Session();
const bob = new Session();
let aliceToken;
let bobToken;

before(async () => {
  const port = await freePorts();
  base = `http://127.0.0.1:${port}`;
  const log = openSync(join(tmp, "hub.log"), "a");
  hub = spawn("bash", [join(ROOT, "scripts/hub.sh")], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", log, log],
    env: { ...process.env, PMXLAB_HUB_PORT: String(port), PMXLAB_HUB_STATE: join(tmp, "state"), PMXLAB_HUB_HOMES: homes, PMXLAB_HUB_INSTRUCTORS: INSTRUCTOR },
  });
  await waitFor("the hub", 300, async () => (await fetch(`${base}/hub/api`)).status === 200);
});

after(async () => {
  if (hub && hub.exitCode === null) {
    const exited = new Promise((resolve) => hub.once("exit", resolve));
    process.kill(-hub.pid, "SIGTERM");
    // A hub that does not stop within 20 s is killed with its proxy and services.
    const timer = setTimeout(() => process.kill(-hub.pid, "SIGKILL"), 20_000);
    await exited;
    clearTimeout(timer);
  }
  // Single-user servers run as the test users: stop them (and wait until they are gone,
  // or userdel refuses) before the users go.
  for (const user of [ALICE, BOB, INSTRUCTOR]) {
    if (spawnSync("id", [user]).status !== 0) continue;
    for (let i = 0; i < 50 && spawnSync("pgrep", ["-u", user]).status === 0; i++) {
      spawnSync("pkill", ["-KILL", "-u", user]);
      spawnSync("sleep", ["0.2"]);
    }
    const removed = spawnSync("userdel", ["--remove", user], { encoding: "utf8" });
    if (removed.status !== 0) console.error(`userdel ${user}: ${removed.stderr}`);
  }
  // The hub's log outlives the run, for a failure's post-mortem.
  mkdirSync(join(ROOT, "test-results", "hub"), { recursive: true });
  copyFileSync(join(tmp, "hub.log"), join(ROOT, "test-results", "hub", "hub.log"));
  rmSync(tmp, { recursive: true, force: true });
});

test("sign-up needs an instructor's approval, which creates a system user with a private home", async () => {
  // Instructors are approved at sign-up; students wait for an instructor.
  assert.match(await instructor.signUp(INSTRUCTOR), /signup was successful/i);
  assert.match(await alice.signUp(ALICE), /sent to the admin/i);
  assert.match(await bob.signUp(BOB), /sent to the admin/i);

  // Before approval: the password is right, yet there is no session and no system user.
  const early = await alice.logIn(ALICE);
  assert.notEqual(early.status, 302, "an unapproved student is not logged in");
  assert.match(await early.text(), /not been authorized/i);
  assert.equal(spawnSync("id", [ALICE]).status, 1, "no system user before approval");

  // The instructor logs in and approves both sign-ups.
  const login = await instructor.logIn(INSTRUCTOR);
  assert.equal(login.status, 302, `instructor login: ${login.status}`);
  for (const user of [ALICE, BOB]) {
    const approve = await instructor.request(`/hub/authorize/${user}`);
    assert.equal(approve.status, 302, `approve ${user}`);
    const entry = execFileSync("getent", ["passwd", user], { encoding: "utf8" }).trim().split(":");
    assert.equal(entry[5], join(homes, user), `${user}'s home`);
    const home = statSync(entry[5]);
    assert.equal(home.mode & 0o777, 0o700, `${user}'s home is private`);
    assert.equal(home.uid, Number(entry[2]), `${user} owns the home`);
  }
  const groups = await (await instructor.request("/hub/api/groups/students")).json();
  assert.deepEqual([...groups.users].sort(), [ALICE, BOB].sort(), "approved students are in the students group");

  assert.equal((await alice.logIn(ALICE)).status, 302, "alice logs in after approval");
  assert.equal((await bob.logIn(BOB)).status, 302, "bob logs in after approval");
  aliceToken = await alice.token(ALICE);
  bobToken = await bob.token(BOB);
});

test("each student's server runs the pmxlab environment as that student", async () => {
  await startServer(ALICE, aliceToken);
  await startServer(BOB, bobToken);
  const specs = await (await alice.request(`/user/${ALICE}/api/kernelspecs`, { token: aliceToken })).json();
  assert.ok(specs.kernelspecs.tslab, `tslab kernel offered: ${Object.keys(specs.kernelspecs)}`);
  // tslab resolves @pmxlab/kernel from the notebook's folder upwards: from the student's home.
  const resolved = spawnSync("runuser", ["-u", ALICE, "--", "node", "-e", "console.log(require.resolve('@pmxlab/kernel'))"], { cwd: join(homes, ALICE), encoding: "utf8" });
  assert.equal(resolved.status, 0, resolved.stderr);
  const owner = execFileSync("ps", ["-o", "user=", "-C", "jupyterhub-singleuser"], { encoding: "utf8" });
  assert.ok(owner.includes(ALICE.slice(0, 7)) || owner.includes(ALICE), `a server runs as ${ALICE}: ${owner}`);
});

test("a student reaches neither another student's server and files nor the instructor pages", async () => {
  const secret = { type: "file", format: "text", content: "bob's answer: 42 mg" };
  const put = await bob.request(`/user/${BOB}/api/contents/secret.txt`, { method: "PUT", json: secret, token: bobToken });
  assert.equal(put.status, 201, `bob saves a file: ${put.status}`);
  assert.equal((await alice.request(`/user/${ALICE}/api/contents`, { token: aliceToken })).status, 200, "alice reads her own files");

  // Through the hub and proxy: bob's server refuses alice's token and her browser session.
  const viaToken = await alice.request(`/user/${BOB}/api/contents/secret.txt`, { token: aliceToken });
  assert.equal(viaToken.status, 403, `alice's token on bob's server: ${viaToken.status}`);
  const viaCookie = await alice.request(`/user/${BOB}/api/contents/secret.txt`);
  assert.ok(viaCookie.status >= 300 && viaCookie.status !== 200, `alice's cookie on bob's server: ${viaCookie.status}`);
  assert.doesNotMatch(await viaCookie.text(), /42 mg/);
  // Unauthenticated.
  const anonymous = await new Session().request(`/user/${BOB}/api/contents/secret.txt`);
  assert.notEqual(anonymous.status, 200, "no session, no file");
  // The file system: bob's home is closed to alice.
  const read = spawnSync("runuser", ["-u", ALICE, "--", "cat", join(homes, BOB, "secret.txt")], { encoding: "utf8" });
  assert.notEqual(read.status, 0, "alice cannot read bob's file on disk");
  assert.match(read.stderr, /Permission denied/);

  // Instructor-only: user list, the approval page, approving someone.
  assert.equal((await alice.request("/hub/api/users", { token: aliceToken })).status, 403, "students cannot list users");
  assert.equal((await alice.request("/hub/authorize")).status, 403, "students cannot open the approval page");
  assert.equal((await alice.request(`/hub/authorize/${BOB}`)).status, 403, "students cannot approve or withdraw sign-ups");
  // JupyterHub answers 404 rather than revealing that bob has a server; either way it stays up.
  const stop = await alice.request(`/hub/api/users/${BOB}/server`, { method: "DELETE", token: aliceToken });
  assert.ok([403, 404].includes(stop.status), `students cannot stop another's server: ${stop.status}`);
  const bobNow = await (await bob.request(`/hub/api/users/${BOB}`, { token: bobToken })).json();
  assert.equal(bobNow.servers?.[""]?.ready, true, "bob's server still runs");
});
