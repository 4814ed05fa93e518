// Team co-editing across accounts on the real hub: JupyterHub 5 sharing (a student grants
// a team group, or another student by name, access to their server through the hub's REST
// API) with jupyter-collaboration's real-time editing. Alice shares her server with the team
// group holding Bob (JupyterHub 5.5.4 lets a group's members in only with pmxlab's fix,
// jupyter-config/hub/group_shares.py); both open her notebook in their own browsers (hub
// logins, Bob through the hub's OAuth consent page) and each sees the other's typing live,
// under their hub names. Carol, in no team and with no share, is refused by the API and in
// the browser; Dave gets in by a share by name; leaving the team, or a revoked share, closes
// the server again. Runs as root (the hub creates system users).
// Screenshots: test-results/hub-sharing-*.png.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launchChromium } from "../e2e/chromium.mjs";
import { RESULTS } from "../e2e/lab-session.mjs";
import { ROOT, startHub } from "./harness.mjs";

const run = randomBytes(3).toString("hex");
const INSTRUCTOR = `pmxi${run}`;
const ALICE = `pmxa${run}`;
const BOB = `pmxb${run}`;
const CAROL = `pmxc${run}`;
const DAVE = `pmxd${run}`;
const TEAM = `team-${run}`;
const PASSWORD = `Pmx-${randomBytes(9).toString("hex")}`;
const NOTEBOOK = "team.ipynb";

let hub;
let browser;
const sessions = {};
const tokens = {};

/** A notebook of three short tslab cells with fixed ids. */
function notebook() {
  const cells = [1, 2, 3].map((n) => ({ id: `cell-${n}`, cell_type: "code", execution_count: null, metadata: {}, outputs: [], source: `const dose${n} = ${n * 100}; // mg` }));
  const metadata = { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" }, language_info: { name: "typescript" } };
  return { cells, metadata, nbformat: 4, nbformat_minor: 5 };
}

before(async () => {
  hub = await startHub({ instructors: [INSTRUCTOR], password: PASSWORD, logName: "hub-sharing.log" });
  for (const user of [INSTRUCTOR, ALICE, BOB, CAROL, DAVE]) {
    sessions[user] = hub.session();
    await sessions[user].signUp(user);
  }
  assert.equal((await sessions[INSTRUCTOR].logIn(INSTRUCTOR)).status, 302, "instructor login");
  for (const user of [ALICE, BOB, CAROL, DAVE]) {
    assert.equal((await sessions[INSTRUCTOR].request(`/hub/authorize/${user}`)).status, 302, `approve ${user}`);
    assert.equal((await sessions[user].logIn(user)).status, 302, `${user} logs in`);
    tokens[user] = await sessions[user].token(user);
  }
  await sessions[ALICE].startServer(ALICE, tokens[ALICE]);
  const put = await sessions[ALICE].request(`/user/${ALICE}/api/contents/${NOTEBOOK}`, { method: "PUT", token: tokens[ALICE], json: { type: "notebook", format: "json", content: notebook() } });
  assert.equal(put.status, 201, `alice saves ${NOTEBOOK}: ${put.status}`);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close().catch(() => {});
  await hub?.stop([ALICE, BOB, CAROL, DAVE, INSTRUCTOR]);
});

/** Status of `user`'s request (with their own API token) for Alice's notebook. */
async function readsAlicesNotebook(user, token = tokens[user]) {
  return (await sessions[user].request(`/user/${ALICE}/api/contents/${NOTEBOOK}?content=0`, { token })).status;
}

/** The hub's answer (the instructor's session) to a change of the team's members. */
async function teamMembers(method, users) {
  // With its length: node:http sends a DELETE body chunked, which the hub answers with 400.
  const length = String(Buffer.byteLength(JSON.stringify({ users })));
  const response = await sessions[INSTRUCTOR].request(`/hub/api/groups/${TEAM}/users`, { method, json: { users }, headers: { "content-length": length } });
  assert.equal(response.status, 200, `${method} ${users} in ${TEAM}: ${await response.text()}`);
}

test("a server is closed to other students until its owner shares it with a team, and only its owner can share it", async () => {
  // The instructor makes the team (/hub/admin, or the groups API): bob is in it, carol is not.
  const created = await sessions[INSTRUCTOR].request(`/hub/api/groups/${TEAM}`, { method: "POST", json: { users: [BOB] } });
  assert.equal(created.status, 201, `the instructor makes a team: ${await created.text()}`);
  assert.equal(await readsAlicesNotebook(BOB), 403, "bob before the share");
  // A student cannot share someone else's server (JupyterHub hides it: 404, or refuses: 403).
  for (const json of [{ user: BOB }, { group: TEAM }]) {
    const foreign = await sessions[BOB].request(`/hub/api/shares/${ALICE}/`, { method: "POST", token: tokens[BOB], json });
    assert.ok([403, 404].includes(foreign.status), `bob shares alice's server with ${JSON.stringify(json)}: ${foreign.status}`);
  }
  assert.equal(await readsAlicesNotebook(BOB), 403, "bob after his own attempts");

  const share = await sessions[ALICE].request(`/hub/api/shares/${ALICE}/`, { method: "POST", token: tokens[ALICE], json: { group: TEAM } });
  assert.equal(share.status, 200, `alice shares with ${TEAM}: ${await share.text()}`);
  const granted = await share.json();
  assert.equal(granted.kind, "group");
  assert.equal(granted.group.name, TEAM);
  assert.deepEqual(granted.scopes, [`access:servers!server=${ALICE}/`], "the default share grants access to that one server only");

  const shared = await (await sessions[BOB].request(`/hub/api/users/${BOB}/shared`, { token: tokens[BOB] })).json();
  assert.deepEqual(shared.items.map((item) => `${item.kind} ${item.server.user.name}`), [`group ${ALICE}`], "bob sees the server shared with his team");
  // A fresh token: the single-user server caches the hub's answer for a token (here: the
  // refusal above) for 5 minutes (HubAuth.cache_max_age).
  const fresh = await sessions[BOB].token(BOB);
  assert.equal(await readsAlicesNotebook(BOB, fresh), 200, "bob, in the team, after the group share");
  const identity = await (await sessions[BOB].request("/hub/api/user", { token: fresh })).json();
  assert.ok(identity.scopes.includes(`access:servers!server=${ALICE}/`), `the hub lists the team's share among bob's token's scopes: ${identity.scopes}`);
  assert.equal(await readsAlicesNotebook(CAROL, await sessions[CAROL].token(CAROL)), 403, "carol is in no team and has no share");
});

/** Logs `user` in to the hub in a fresh browser context. */
async function browserUser(user) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // To the hub's home page after login, not to the spawn page (which would start the
  // student's own server and then take the page there).
  await page.goto(`${hub.base}/hub/login?next=${encodeURIComponent("/hub/home")}`, { timeout: 60_000 });
  await page.locator("#username_input").fill(user);
  await page.locator("#password_input").fill(PASSWORD);
  await Promise.all([page.waitForURL(/\/hub\/home/, { timeout: 60_000 }), page.locator("#password_input").press("Enter")]);
  return { user, context, page, cell: (index) => page.locator(".jp-NotebookPanel .jp-Notebook .jp-Cell").nth(index) };
}

/** Opens Alice's notebook; a first visit to someone else's server passes the hub's consent page. */
async function openAlicesNotebook(student) {
  const { page } = student;
  await page.goto(`${hub.base}/user/${ALICE}/lab/tree/${NOTEBOOK}`, { timeout: 90_000 });
  if (page.url().includes("/hub/api/oauth2/authorize")) {
    await Promise.all([page.waitForURL(new RegExp(`/user/${ALICE}/lab`), { timeout: 90_000 }), page.getByRole("button", { name: "Authorize" }).click()]);
  }
  await page.locator(".jp-NotebookPanel .pmx-PresenceList").waitFor({ timeout: 120_000 });
  await student.cell(2).waitFor({ state: "attached", timeout: 60_000 });
}

async function typeInCell(student, index, text) {
  await student.cell(index).locator(".cm-content").click();
  await student.page.keyboard.press("Control+End");
  await student.page.keyboard.type(text, { delay: 10 });
}

async function sees(student, index, text, who) {
  const started = Date.now();
  await student.page
    .waitForFunction(([index, text]) => document.querySelectorAll(".jp-NotebookPanel .jp-Cell")[index]?.textContent.includes(text), [index, text], { timeout: 30_000, polling: 100 })
    .catch(async () => {
      await student.page.screenshot({ path: join(RESULTS, `hub-sharing-failure-${student.user}.png`) }).catch(() => {});
      assert.fail(`${who}'s edit "${text}" did not reach ${student.user} within 30 s`);
    });
  return Date.now() - started;
}

test("alice and bob, her team, edit alice's notebook together in their own browsers; carol is refused", { timeout: 300_000 }, async () => {
  mkdirSync(RESULTS, { recursive: true });
  const alice = await browserUser(ALICE);
  const bob = await browserUser(BOB);
  await openAlicesNotebook(alice);
  await openAlicesNotebook(bob);
  assert.equal(new URL(bob.page.url()).pathname.startsWith(`/user/${ALICE}/lab`), true, `bob works on alice's server: ${bob.page.url()}`);

  // Both present under their hub names (the single-user server's identity is the hub's).
  for (const [student, other] of [[alice, BOB], [bob, ALICE]]) {
    await student.page
      .locator(".pmx-PresenceList-name", { hasText: other })
      .waitFor({ timeout: 20_000 })
      .catch(() => assert.fail(`${student.user} does not see ${other} in the notebook`));
  }

  await typeInCell(alice, 0, " // alice was here");
  console.log(`# alice's edit on bob's screen after ${await sees(bob, 0, "// alice was here", ALICE)} ms (after the last key)`);
  await typeInCell(bob, 1, " // bob was here");
  console.log(`# bob's edit on alice's screen after ${await sees(alice, 1, "// bob was here", BOB)} ms (after the last key)`);
  await bob.page.screenshot({ path: join(RESULTS, "hub-sharing-bob.png") });

  // Carol, logged in, in no team and with no share: the hub refuses her the server; no notebook is shown.
  const carol = await browserUser(CAROL);
  const response = await carol.page.goto(`${hub.base}/user/${ALICE}/lab/tree/${NOTEBOOK}`, { timeout: 90_000 });
  assert.equal(response.status(), 403, `carol opens alice's notebook: ${response.status()} at ${carol.page.url()}`);
  assert.equal(await carol.page.locator(".jp-NotebookPanel").count(), 0, "carol sees no notebook");
  assert.doesNotMatch(await carol.page.content(), /alice was here|bob was here/);
  await carol.page.screenshot({ path: join(RESULTS, "hub-sharing-carol.png") });
  for (const student of [alice, bob, carol]) await student.context.close();
});

test("a share by name lets one student in; leaving the team, or revoking a share, closes the server again", async () => {
  const byName = await sessions[ALICE].request(`/hub/api/shares/${ALICE}/`, { method: "POST", token: tokens[ALICE], json: { user: DAVE } });
  assert.equal(byName.status, 200, `alice shares with dave: ${await byName.text()}`);
  const listed = await (await sessions[ALICE].request(`/hub/api/shares/${ALICE}/`, { token: tokens[ALICE] })).json();
  assert.deepEqual(listed.items.map((share) => (share.kind === "group" ? `group ${share.group.name}` : `user ${share.user.name}`)).sort(), [`group ${TEAM}`, `user ${DAVE}`]);
  assert.equal(await readsAlicesNotebook(DAVE, await sessions[DAVE].token(DAVE)), 200, "dave after a share by name");

  // Bob leaves the team: the group's share no longer reaches his new tokens; back in, it does.
  await teamMembers("DELETE", [BOB]);
  assert.equal(await readsAlicesNotebook(BOB, await sessions[BOB].token(BOB)), 403, "bob after leaving the team");
  await teamMembers("POST", [BOB, CAROL]);
  assert.equal(await readsAlicesNotebook(BOB, await sessions[BOB].token(BOB)), 200, "bob back in the team");
  assert.equal(await readsAlicesNotebook(CAROL, await sessions[CAROL].token(CAROL)), 200, "carol, now in the team");

  // Alice revokes the team's share: its members are out, dave's own share is untouched.
  const revokeTeam = await sessions[ALICE].request(`/hub/api/shares/${ALICE}/`, { method: "PATCH", token: tokens[ALICE], json: { group: TEAM } });
  assert.equal(revokeTeam.status, 200, `alice revokes ${TEAM}'s share: ${await revokeTeam.text()}`);
  for (const user of [BOB, CAROL]) {
    assert.equal(await readsAlicesNotebook(user, await sessions[user].token(user)), 403, `${user} after the team's share is revoked`);
    const shared = await (await sessions[user].request(`/hub/api/users/${user}/shared`, { token: tokens[user] })).json();
    assert.deepEqual(shared.items, [], `nothing is shared with ${user} any more`);
  }
  assert.equal(await readsAlicesNotebook(DAVE, await sessions[DAVE].token(DAVE)), 200, "dave's share is untouched");
  const revokeDave = await sessions[ALICE].request(`/hub/api/shares/${ALICE}/`, { method: "PATCH", token: tokens[ALICE], json: { user: DAVE } });
  assert.equal(revokeDave.status, 200, `alice revokes dave's share: ${await revokeDave.text()}`);
  assert.equal(await readsAlicesNotebook(DAVE, await sessions[DAVE].token(DAVE)), 403, "dave after the revocation");
});

test("the group-share fix gives a member's tokens the team's share, only on the JupyterHub version it was written for", () => {
  // On JupyterHub's own tables (test/hub/group_shares_probe.py): which tokens reach alice's server.
  const result = spawnSync(join(ROOT, ".venv", "bin", "python"), [join(ROOT, "test", "hub", "group_shares_probe.py")], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
  assert.equal(result.status, 0, result.stderr);
  const seen = JSON.parse(result.stdout);
  const none = { bob: false, "bob-oauth": false, "bob-limited": false, carol: false };
  // JupyterHub 5.5.4 alone: bob the user holds the team's share, none of his tokens do.
  assert.equal(seen["bob the user, upstream"], true);
  assert.deepEqual(seen.upstream, none);
  // Another JupyterHub version: not installed, JupyterHub's own function stays.
  assert.equal(seen["installs on 6.1.1"], false);
  assert.equal(seen["unchanged on 6.1.1"], true);
  assert.equal(seen.installs, true);
  assert.equal(seen.wrapped, true);
  // Installed: bob's full and OAuth tokens reach the server; a token he limited to reading
  // his name does not, nor carol (no team); leaving the team or a revoked share ends it.
  assert.deepEqual(seen.installed, { ...none, bob: true, "bob-oauth": true });
  assert.deepEqual(seen["bob left the team"], none);
  assert.deepEqual(seen["share revoked"], none);
  // A share with the whole class (the students group) is not a team's: it lets nobody in.
  assert.deepEqual(seen["shared with the students group"], none);
});
