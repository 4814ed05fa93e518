// Multi-user tests against the real hub (`npm run hub`: JupyterHub, configurable-http-proxy,
// NativeAuthenticator, LocalProcessSpawner, system users): sign-up and approval, private
// homes, and that a student can reach neither another student's server or files nor the
// instructor pages; then the class service (@pmxlab/server at /services/pmxlab/): hub OAuth,
// refusals, a course release into the students' homes, submissions, grading, the class view,
// and that the LLM key stays in the service. Runs as root (the hub creates system users); the
// users it creates have a per-run random suffix and are deleted afterwards, with their homes in
// a temporary folder.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import { createServer } from "node:net";
import { join } from "node:path";

const ROOT = new URL("../../", import.meta.url).pathname;
const run = randomBytes(3).toString("hex");
const INSTRUCTOR = `pmxi${run}`;
const ALICE = `pmxa${run}`;
const BOB = `pmxb${run}`;
const PASSWORD = `Pmx-${randomBytes(9).toString("hex")}`;
// A fake LLM key in the hub's environment: it must reach the class service and nothing else.
const LLM_KEY = `sk-pmxlab-hubtest-${randomBytes(12).toString("hex")}`;
const SERVICE = "/services/pmxlab";

const tmp = mkdtempSync("/tmp/pmxlab-hub-test-");
chmodSync(tmp, 0o755); // students' servers pass through it to their homes
const homes = join(tmp, "homes");
mkdirSync(homes, { mode: 0o755 });
// The service's courses: a copy of pk-basics the test can change between two releases.
const courses = join(tmp, "courses");
cpSync(join(ROOT, "courses", "pk-basics"), join(courses, "pk-basics"), { recursive: true });
/** Every response body the hub and the service sent (what a browser could see). */
const bodies = [];
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
        bodies.push(text);
        resolve({ status: response.statusCode, headers: response.headers, cookies: response.headers["set-cookie"] ?? [], text: async () => text, json: async () => JSON.parse(text) });
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
    env: {
      ...process.env,
      PMXLAB_HUB_PORT: String(port),
      PMXLAB_HUB_STATE: join(tmp, "state"),
      PMXLAB_HUB_HOMES: homes,
      PMXLAB_HUB_INSTRUCTORS: INSTRUCTOR,
      PMXLAB_HUB_COURSES: courses,
      // An endpoint that refuses connections: the tutor falls back to the offline one.
      PMXLAB_LLM_BASE_URL: "http://127.0.0.1:9/v1",
      PMXLAB_LLM_MODEL: "hub-test-model",
      PMXLAB_LLM_API_KEY: LLM_KEY,
      PMXLAB_LLM_RETRIES: "0",
    },
  });
  // scripts/hub.sh first brings the set-up up to date (a changed extension is rebuilt: minutes).
  await waitFor("the hub", 600, async () => (await fetch(`${base}/hub/api`)).status === 200);
  await waitFor("the class service", 120, async () => (await fetch(`${base}${SERVICE}/health`)).status === 200);
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

/** The release files, the notebook a student would submit with every answer right, … */
const solved = () => JSON.parse(readFileSync(join(courses, "pk-basics", "01-elimination.ipynb"), "utf8"));

/** The points of 01-elimination's exercises, read from its metadata (not from the grader). */
function pointsOf(notebook) {
  return notebook.cells.reduce((sum, c) => sum + (c.metadata?.pmxlab?.exercise?.points ?? 0), 0);
}

let instructorToken;

test("the class service knows users and roles from the hub and refuses the rest", async () => {
  instructorToken = await instructor.token(INSTRUCTOR);
  const anonymous = new Session();
  assert.equal((await anonymous.request(`${SERVICE}/me`)).status, 401, "no token, no user");
  assert.equal((await anonymous.request(`${SERVICE}/me`, { token: "made-up-token" })).status, 401, "a token the hub does not know");
  assert.deepEqual(await (await alice.request(`${SERVICE}/me`, { token: aliceToken })).json(), { user: ALICE, instructor: false });
  assert.deepEqual(await (await instructor.request(`${SERVICE}/me`, { token: instructorToken })).json(), { user: INSTRUCTOR, instructor: true });

  // Students on instructor endpoints, and on another student's records.
  for (const [method, path] of [["GET", "/courses"], ["POST", "/releases/pk-basics"], ["POST", "/grading/pk-basics"], ["GET", "/grading/pk-basics"], ["GET", "/class/pk-basics"], ["GET", "/class/pk-basics/page"], ["GET", "/class/pk-basics/grades.csv"], ["GET", `/feedback/pk-basics?user=${BOB}`], ["GET", `/submissions/pk-basics?user=${BOB}`]]) {
    const response = await alice.request(`${SERVICE}${path}`, { method, token: aliceToken, ...(method === "POST" ? { json: {} } : {}) });
    assert.equal(response.status, 403, `a student on ${method} ${path}: ${response.status}`);
  }

  // A browser: an unauthenticated page visit goes to the hub's OAuth; a logged-in student
  // comes straight back (no confirmation page) with the service's session cookie.
  const visit = await anonymous.request(`${SERVICE}/`, { headers: { accept: "text/html" } });
  assert.equal(visit.status, 302);
  assert.match(visit.headers.location, /\/hub\/api\/oauth2\/authorize\?/);
  let response = await alice.request(`${SERVICE}/`, { headers: { accept: "text/html" } });
  for (let hops = 0; response.status === 302 && hops < 6; hops++) {
    const next = new URL(response.headers.location, base);
    response = await alice.request(next.pathname + next.search, { headers: { accept: "text/html" } });
  }
  assert.equal(response.status, 200, "OAuth brings the student back to the page");
  assert.match(await response.text(), new RegExp(`Signed in as <b>${ALICE}</b> \\(student\\)`));
  assert.ok(alice.cookies.has("pmxlab-session"), "the service's session cookie");
  assert.ok(![...alice.cookies.values()].some((v) => v.includes(aliceToken)), "the browser holds a session id, not a token");
  // A script's sign-in, as the extension does it: fetch(oauth_login, { mode: "no-cors" }) — the
  // hub accepts its login cookie on such a same-origin GET without an XSRF token.
  const script = { "sec-fetch-mode": "no-cors", "sec-fetch-site": "same-origin" };
  response = await bob.request(`${SERVICE}/oauth_login?next=${encodeURIComponent(`${SERVICE}/me`)}`, { headers: script });
  for (let hops = 0; response.status === 302 && hops < 6; hops++) {
    const next = new URL(response.headers.location, base);
    response = await bob.request(next.pathname + next.search, { headers: script });
  }
  assert.deepEqual(await response.json(), { user: BOB, instructor: false }, "the script's sign-in ends at /me, signed in");
  // The session is alice's: the service names her, and refuses her on instructor pages.
  assert.deepEqual(await (await alice.request(`${SERVICE}/me`)).json(), { user: ALICE, instructor: false });
  assert.equal((await alice.request(`${SERVICE}/class/pk-basics/page`, { headers: { accept: "text/html" } })).status, 403);
});

test("an instructor publishes a release; students get it into their homes; a re-release keeps their edits", async () => {
  const published = await instructor.request(`${SERVICE}/releases/pk-basics`, { method: "POST", token: instructorToken, json: {} });
  assert.equal(published.status, 201, await published.text());
  assert.equal((await published.json()).version, 1);

  for (const [session, user, token] of [[alice, ALICE, aliceToken], [bob, BOB, bobToken]]) {
    const synced = await session.request(`${SERVICE}/releases/pk-basics/sync`, { method: "POST", token, json: {} });
    assert.equal(synced.status, 200, `${user}'s sync: ${await synced.text()}`);
    assert.ok((await synced.json()).added.includes("01-elimination.ipynb"));
    // Written by the student's own server: the files are theirs.
    const file = statSync(join(homes, user, "pk-basics", "01-elimination.ipynb"));
    assert.equal(file.uid, Number(execFileSync("id", ["-u", user], { encoding: "utf8" })), `${user} owns the released notebook`);
  }

  // Alice answers in her copy; the instructor then revises the notebook and publishes again.
  const mine = JSON.parse(readFileSync(join(homes, ALICE, "pk-basics", "01-elimination.ipynb"), "utf8"));
  mine.cells.find((c) => c.cell_type === "code").source = ["// alice's own work\n", "const mine = 1;"];
  const put = await alice.request(`/user/${ALICE}/api/contents/pk-basics/01-elimination.ipynb`, { method: "PUT", token: aliceToken, json: { type: "notebook", format: "json", content: mine } });
  assert.equal(put.status, 200, `alice saves her work: ${put.status}`);
  const edited = readFileSync(join(homes, ALICE, "pk-basics", "01-elimination.ipynb"), "utf8");
  const course = join(courses, "pk-basics", "01-elimination.ipynb");
  const revised = JSON.parse(readFileSync(course, "utf8"));
  revised.cells.find((c) => c.cell_type === "markdown").source = ["# Elimination (revised this term)"];
  writeFileSync(course, JSON.stringify(revised, null, 1));
  assert.equal((await instructor.request(`${SERVICE}/releases/pk-basics`, { method: "POST", token: instructorToken, json: {} })).status, 201);

  // This time as the browser does it: the service's session from the hub's OAuth (signed in by
  // the first test), whose token may act on alice's own server only (access:servers!user).
  assert.ok(alice.cookies.has("pmxlab-session"));
  const again = await (await alice.request(`${SERVICE}/releases/pk-basics/sync`, { method: "POST", json: {} })).json();
  assert.deepEqual(again.beside, [{ file: "01-elimination.ipynb", newFile: "01-elimination.new.ipynb" }]);
  assert.equal(readFileSync(join(homes, ALICE, "pk-basics", "01-elimination.ipynb"), "utf8"), edited, "alice's edit is kept");
  assert.match(readFileSync(join(homes, ALICE, "pk-basics", "01-elimination.new.ipynb"), "utf8"), /revised this term/);
  // Bob never touched his copy: it is simply updated.
  const bobs = await (await bob.request(`${SERVICE}/releases/pk-basics/sync`, { method: "POST", token: bobToken, json: {} })).json();
  assert.ok(bobs.updated.includes("01-elimination.ipynb"), JSON.stringify(bobs));
});

test("a student cannot fetch the solutions or hidden checks, through the service or on disk", async () => {
  const checks = await (await alice.request(`${SERVICE}/releases/pk-basics/files/checks.ts`, { token: aliceToken })).text();
  assert.match(checks, /defineCheck/, "the student's checks.ts");
  assert.doesNotMatch(checks, /BEGIN HIDDEN|hidden: true/);
  const notebook = await (await alice.request(`${SERVICE}/releases/pk-basics/files/01-elimination.ipynb`, { token: aliceToken })).text();
  assert.doesNotMatch(notebook, /BEGIN SOLUTION/);
  for (const path of ["../../courses/pk-basics/checks.ts", "..%2F..%2Fcourses%2Fpk-basics%2Fchecks.ts", "%2E%2E/checks.ts"]) {
    const response = await alice.request(`${SERVICE}/releases/pk-basics/files/${path}`, { token: aliceToken });
    assert.notEqual(response.status, 200, `no file outside the release: ${path}`);
  }
  // On disk: the service's courses and its database are closed to students.
  for (const path of [join(courses, "pk-basics", "checks.ts"), join(tmp, "state", "service", "pmxlab.sqlite")]) {
    const read = spawnSync("runuser", ["-u", ALICE, "--", "cat", path], { encoding: "utf8" });
    assert.notEqual(read.status, 0, `alice cannot read ${path}`);
    assert.match(read.stderr, /Permission denied/);
  }
});

test("students submit; the instructor grades with pmxlab grade; each student gets their own feedback; the class view shows the class", async () => {
  const alicesWork = solved();
  const bobsWork = JSON.parse(readFileSync(join(homes, BOB, "pk-basics", "01-elimination.ipynb"), "utf8")); // the stub, unanswered
  assert.equal((await alice.request(`${SERVICE}/submissions/pk-basics`, { method: "POST", token: aliceToken, json: { notebook: "01-elimination.ipynb", content: alicesWork } })).status, 201);
  assert.equal((await bob.request(`${SERVICE}/submissions/pk-basics`, { method: "POST", token: bobToken, json: { notebook: "01-elimination.ipynb", content: bobsWork } })).status, 201);
  assert.deepEqual((await (await bob.request(`${SERVICE}/submissions/pk-basics`, { token: bobToken })).json()).map((s) => s.notebook), ["01-elimination.ipynb"], "bob sees his own submission only");

  const started = await instructor.request(`${SERVICE}/grading/pk-basics`, { method: "POST", token: instructorToken, json: {} });
  assert.equal(started.status, 202, await started.text());
  let job;
  await waitFor("grading", 600, async () => {
    job = await (await instructor.request(`${SERVICE}/grading/pk-basics`, { token: instructorToken })).json();
    return job.status !== "running";
  });
  assert.equal(job.status, "done", JSON.stringify(job));

  const feedback = await (await alice.request(`${SERVICE}/feedback/pk-basics`, { token: aliceToken })).json();
  assert.equal(feedback.user, ALICE);
  assert.equal(feedback.total, pointsOf(alicesWork), "alice's solutions earn every point of the notebook");
  assert.ok(feedback.exercises.find((e) => e.id === "pk-basics/half-life").items.every((i) => i.passed));
  const bobsFeedback = await (await bob.request(`${SERVICE}/feedback/pk-basics`, { token: bobToken })).json();
  assert.equal(bobsFeedback.total, 0);
  assert.equal((await bob.request(`${SERVICE}/feedback/pk-basics?user=${ALICE}`, { token: bobToken })).status, 403, "bob cannot read alice's feedback");

  const view = await (await instructor.request(`${SERVICE}/class/pk-basics`, { token: instructorToken })).json();
  assert.deepEqual(view.students, [ALICE, BOB].sort(), "the roster is the hub's students group");
  assert.equal(view.grades[ALICE].total, pointsOf(alicesWork));
  const csv = await (await instructor.request(`${SERVICE}/class/pk-basics/grades.csv`, { token: instructorToken })).text();
  assert.match(csv, new RegExp(`^${ALICE},`, "m"));
});

test("the LLM key is in the service's environment only: in no student's server and in no response", async () => {
  // The tutor answers through the service (its endpoint is down: the offline tutor answers).
  const tutor = await alice.request(`${SERVICE}/tutor`, {
    method: "POST",
    token: aliceToken,
    headers: { accept: "text/event-stream" },
    json: { course: "pk-basics", request: { kind: "question", question: "What is clearance?", hintLevel: 0, history: [] } },
  });
  assert.equal(tutor.status, 200, await tutor.text());

  const environOf = (pid) => {
    try {
      return readFileSync(`/proc/${pid}/environ`, "latin1");
    } catch {
      return ""; // ended meanwhile
    }
  };
  const pidsOf = (user) => {
    const uid = Number(execFileSync("id", ["-u", user], { encoding: "utf8" }));
    return readdirSync("/proc").filter((p) => /^\d+$/.test(p) && statSync(`/proc/${p}`, { throwIfNoEntry: false })?.uid === uid);
  };
  // Positive control: the key is where it belongs, so the search below would find it.
  const service = spawnSync("pgrep", ["-f", "server/dist/main.js --hub"], { encoding: "utf8" }).stdout.trim().split("\n").filter(Boolean);
  assert.ok(service.some((pid) => environOf(pid).includes(LLM_KEY)), "the service has the key");
  let checked = 0;
  for (const user of [ALICE, BOB]) {
    for (const pid of pidsOf(user)) {
      assert.ok(!environOf(pid).includes(LLM_KEY), `${user}'s process ${pid} has the key`);
      checked++;
    }
  }
  assert.ok(checked >= 2, `the students' servers were found (${checked} processes)`);
  assert.ok(bodies.length > 20, "responses were recorded");
  assert.ok(!bodies.some((b) => b.includes(LLM_KEY)), "no response carried the key");
});
