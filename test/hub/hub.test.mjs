// Multi-user tests against the real hub (`npm run hub`: JupyterHub, configurable-http-proxy,
// NativeAuthenticator, LocalProcessSpawner, system users): sign-up and approval, private
// homes, and that a student can reach neither another student's server or files nor the
// instructor pages. Runs as root (the hub creates system users); the users it creates have a
// per-run random suffix and are deleted afterwards, with their homes in a temporary folder.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { statSync } from "node:fs";
import { join } from "node:path";
import { startHub } from "./harness.mjs";

const run = randomBytes(3).toString("hex");
const INSTRUCTOR = `pmxi${run}`;
const ALICE = `pmxa${run}`;
const BOB = `pmxb${run}`;

let hub;
let homes;
let instructor;
let alice;
let bob;
let aliceToken;
let bobToken;

before(async () => {
  hub = await startHub({ instructors: [INSTRUCTOR], password: `Pmx-${randomBytes(9).toString("hex")}` });
  ({ homes } = hub);
  [instructor, alice, bob] = [hub.session(), hub.session(), hub.session()];
});

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
