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
import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startHub, waitFor } from "./harness.mjs";

const run = randomBytes(3).toString("hex");
const INSTRUCTOR = `pmxi${run}`;
const ALICE = `pmxa${run}`;
const BOB = `pmxb${run}`;
const PASSWORD = `Pmx-${randomBytes(9).toString("hex")}`;
// A fake LLM key in the hub's environment: it must reach the class service and nothing else.
const LLM_KEY = `sk-pmxlab-hubtest-${randomBytes(12).toString("hex")}`;
const SERVICE = "/services/pmxlab";

/** Every response body the hub and the service sent (what a browser could see). */
const bodies = [];
let hub;
let homes;
/** The service's courses: a copy of pk-basics the test can change between two releases. */
let courses;
let instructor;
let alice;
let bob;
let aliceToken;
let bobToken;

before(async () => {
  hub = await startHub({
    instructors: [INSTRUCTOR],
    password: PASSWORD,
    courses: ["pk-basics"],
    onResponse: (text) => bodies.push(text),
    env: {
      // An endpoint that refuses connections: the tutor falls back to the offline one.
      PMXLAB_LLM_BASE_URL: "http://127.0.0.1:9/v1",
      PMXLAB_LLM_MODEL: "hub-test-model",
      PMXLAB_LLM_API_KEY: LLM_KEY,
      PMXLAB_LLM_RETRIES: "0",
    },
  });
  ({ homes, courses } = hub);
  [instructor, alice, bob] = [hub.session(), hub.session(), hub.session()];
});

// Single-user servers run as the test users: the harness stops them before the users go.
after(() => hub?.stop([ALICE, BOB, INSTRUCTOR]));

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
  await alice.startServer(ALICE, aliceToken);
  await bob.startServer(BOB, bobToken);
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
  const anonymous = await hub.session().request(`/user/${BOB}/api/contents/secret.txt`);
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
  const anonymous = hub.session();
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
    const next = new URL(response.headers.location, hub.base);
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
    const next = new URL(response.headers.location, hub.base);
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
  for (const path of [join(courses, "pk-basics", "checks.ts"), join(hub.state, "service", "pmxlab.sqlite")]) {
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
  }, hub.logTail);
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
