// The teaching workflow in browsers against the real hub (`npm run hub`, system users, the
// class service): the instructor publishes a release of pk-basics on the class view page;
// alice, whose JupyterLab is already open, gets it with File → Get course releases, answers
// the half-life exercise (first wrong, then right), presses *Check* and sees ✗ then ✓, and
// submits with File → Submit notebook; bob starts JupyterLab after the release and finds it in
// his home (the automatic fetch at start); the instructor's class view shows alice's two
// attempts and her pass, grading gives her the exercise's points, the gradebook CSV
// downloads, and alice sees her feedback with File → Show my feedback. Each browser reaches
// 127.0.0.1 only (every other host is refused). Runs as root (the hub creates system users).
// Screenshots: test-results/hub-workflow-*.png.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { launchChromium } from "../e2e/chromium.mjs";
import { exerciseCellIndex, nextCheckResult, RESULTS } from "../e2e/lab-session.mjs";
import { startHub, waitFor } from "./harness.mjs";

const run = randomBytes(3).toString("hex");
const INSTRUCTOR = `pmxi${run}`;
const ALICE = `pmxa${run}`;
const BOB = `pmxb${run}`;
const PASSWORD = `Pmx-${randomBytes(9).toString("hex")}`;
const COURSE = "pk-basics";
const NOTEBOOK = "01-elimination.ipynb";
const EXERCISE = "pk-basics/half-life";
/** The exercise's column head on the class view's page (the gradebook CSV uses the full id). */
const COLUMN = EXERCISE.slice(COURSE.length + 1);
const VIEW = `.pmx-ExerciseView[data-exercise="${EXERCISE}"]`;
const SERVICE = "/services/pmxlab";

let hub;
let browser;
const sessions = {};
const tokens = {};
const browsers = {};
/** Requests a browser made to any host but 127.0.0.1 (refused). */
const outside = [];

/** The course's notebooks and the points of each exercise, from the notebooks' metadata (not from the grader). */
function coursePoints() {
  const points = new Map();
  const folder = join(hub.courses, COURSE);
  for (const file of readdirSync(folder).filter((f) => f.endsWith(".ipynb")).sort()) {
    for (const cell of JSON.parse(readFileSync(join(folder, file), "utf8")).cells) {
      const exercise = cell.metadata?.pmxlab?.exercise;
      if (exercise) points.set(exercise.id, exercise.points);
    }
  }
  return points;
}

before(async () => {
  hub = await startHub({ instructors: [INSTRUCTOR], password: PASSWORD, courses: [COURSE], logName: "hub-workflow.log" });
  for (const user of [INSTRUCTOR, ALICE, BOB]) {
    sessions[user] = hub.session();
    await sessions[user].signUp(user);
  }
  assert.equal((await sessions[INSTRUCTOR].logIn(INSTRUCTOR)).status, 302, "instructor login");
  tokens[INSTRUCTOR] = await sessions[INSTRUCTOR].token(INSTRUCTOR);
  for (const user of [ALICE, BOB]) {
    assert.equal((await sessions[INSTRUCTOR].request(`/hub/authorize/${user}`)).status, 302, `approve ${user}`);
    assert.equal((await sessions[user].logIn(user)).status, 302, `${user} logs in`);
    tokens[user] = await sessions[user].token(user);
  }
  browser = await launchChromium();
  mkdirSync(RESULTS, { recursive: true });
});

after(async () => {
  await browser?.close().catch(() => {});
  await hub?.stop([ALICE, BOB, INSTRUCTOR]);
});

/** A fresh browser context for `user`, logged in to the hub, that reaches 127.0.0.1 only. */
async function browserUser(user) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  // Refused: every request to another host. Routes see the first request of a redirect chain
  // only, so every request (redirects too) is also listed, and the test fails on any.
  await context.route((url) => url.hostname !== "127.0.0.1", (route) => route.abort("blockedbyclient"));
  context.on("request", (request) => new URL(request.url()).hostname !== "127.0.0.1" && outside.push(request.url()));
  // The test drives JupyterLab through window.jupyterapp, as test/e2e does (its JupyterLab runs
  // with --LabApp.expose_app_in_browser); the hub's servers do not expose it, so this browser
  // reads the flag as set when JupyterLab parses its page configuration.
  await context.addInitScript(() => {
    const parse = JSON.parse;
    JSON.parse = function (text, reviver) {
      const value = parse.call(this, text, reviver);
      if (value !== null && typeof value === "object" && "exposeAppInBrowser" in value) value.exposeAppInBrowser = true;
      return value;
    };
  });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  const consoleErrors = [];
  page.on("console", (message) => message.type() === "error" && consoleErrors.push(message.text()));
  // What the page's scripts got from the class service (JupyterLab's fetch at start among them).
  const service = [];
  page.on("response", async (response) => {
    const path = new URL(response.url()).pathname;
    if (path.startsWith(`${SERVICE}/`)) service.push({ method: response.request().method(), path: path.slice(SERVICE.length), status: response.status(), body: await response.text().catch(() => "") });
  });
  await page.goto(`${hub.base}/hub/login?next=${encodeURIComponent("/hub/home")}`);
  await page.locator("#username_input").fill(user);
  await page.locator("#password_input").fill(PASSWORD);
  await Promise.all([page.waitForURL(/\/hub\/home/), page.locator("#password_input").press("Enter")]);
  browsers[user] = { user, context, page, consoleErrors, service };
  return browsers[user];
}

/** Starts the user's server from the hub (as the hub home's *Start My Server* does) and waits for JupyterLab with the class commands. */
async function openLab({ user, page }) {
  await page.goto(`${hub.base}/hub/spawn/${user}`, { timeout: 60_000 });
  await page
    .waitForFunction(() => window.jupyterapp?.commands.hasCommand("pmxlab:submit-notebook") && document.querySelector("#jp-MainMenu"), null, { timeout: 240_000, polling: 500 })
    .catch(() => assert.fail(`${user}'s JupyterLab did not open with the class commands within 240 s (at ${page.url()})\n${hub.logTail()}`));
}

/** The class service's answers to `method path` in `b`'s browser so far. */
const answers = (b, method, path) => b.service.filter((r) => r.method === method && r.path === path && r.status === 200);

/**
 * Opens the File menu and clicks the item `label`, once it is enabled (a click on a disabled
 * item does nothing, and the test would wait for its effect instead of saying so).
 */
async function fileMenu(page, label) {
  await page.locator("#jp-MainMenu .lm-MenuBar-itemLabel", { hasText: /^File$/ }).click();
  const item = page.locator(".lm-Menu .lm-Menu-item", { has: page.locator(".lm-Menu-itemLabel", { hasText: new RegExp(`^${label}$`) }) });
  await item.and(page.locator(":not(.lm-mod-disabled)")).waitFor({ timeout: 30_000 }).catch(() => assert.fail(`File → ${label} is not enabled within 30 s`));
  await item.click();
}

/** Waits for a notification whose text matches `pattern`; answers its text. */
async function notification(page, pattern, seconds = 60) {
  const toast = page.locator(".Toastify__toast", { hasText: pattern }).first();
  await toast.waitFor({ timeout: seconds * 1000 }).catch(async () => {
    const shown = await page.locator(".Toastify__toast").allTextContents();
    const dialogs = await page.locator(".jp-Dialog-header").allTextContents();
    assert.fail(`no notification matching ${pattern} within ${seconds} s; shown: ${JSON.stringify(shown)}; dialogs open: ${JSON.stringify(dialogs)}`);
  });
  return toast.textContent();
}

async function screenshot({ page }, name) {
  await page.screenshot({ path: join(RESULTS, `hub-workflow-${name}.png`), timeout: 30_000 }).catch(() => {});
}

/** Runs `body`; on failure keeps a screenshot of every open browser. */
async function withScreenshots(body) {
  try {
    await body();
  } catch (error) {
    for (const b of Object.values(browsers)) await screenshot(b, `failure-${b.user}`);
    for (const b of Object.values(browsers)) if (b.consoleErrors.length > 0) console.log(`# ${b.user}'s browser console errors:\n${b.consoleErrors.join("\n")}`);
    throw error;
  }
}

/** Types `answer` over the exercise cell's code in the editor and presses Check; answers the stored check state. */
async function answerAndCheck(page, answer) {
  const index = await exerciseCellIndex(page, EXERCISE);
  assert.ok(index > 0, "the exercise cell is in the notebook");
  const cell = page.locator(".jp-NotebookPanel .jp-Cell").filter({ has: page.locator(VIEW) });
  const attempts = await page.evaluate((i) => window.jupyterapp.shell.currentWidget.content.model.cells.get(i).getMetadata("pmxlab")?.check?.attempts ?? 0, index);
  await cell.locator(".cm-content").click();
  await page.keyboard.press("Control+a");
  await page.keyboard.press("Delete");
  await page.keyboard.type(answer, { delay: 5 });
  await page.keyboard.press("Escape"); // command mode: the cell stays active
  const typed = await page.evaluate((i) => window.jupyterapp.shell.currentWidget.content.model.cells.get(i).sharedModel.getSource(), index);
  assert.equal(typed, answer, "the answer is in the cell as typed");
  await page.locator(`${VIEW} .pmx-ExerciseView-check`).click();
  return nextCheckResult(page, index, attempts, "pressing Check");
}

/** The text of `student`'s row in the class view's grid, cell by cell under the header's names. */
async function gridRow(page, student) {
  return page.evaluate((student) => {
    const rows = [...document.querySelectorAll("#grid tr")];
    const head = [...rows[0].cells].map((c) => c.textContent.trim());
    const row = rows.find((r) => r.cells[0]?.textContent.trim() === student);
    return row ? Object.fromEntries([...row.cells].map((c, i) => [head[i], c.textContent.trim()])) : null;
  }, student);
}

test("instructor publishes, alice fetches, answers, checks and submits, bob gets the release at start; the instructor grades, sees the class view and exports the CSV", { timeout: 20 * 60_000 }, async () => {
  const started = Date.now();
  const step = (what) => console.log(`# ${((Date.now() - started) / 1000).toFixed(1)} s: ${what}`);
  const points = coursePoints();
  const maxPoints = [...points.values()].reduce((a, b) => a + b, 0);
  const instructor = await browserUser(INSTRUCTOR);
  const alice = await browserUser(ALICE);
  await withScreenshots(async () => {
    // The instructor's pages: the service's home (through the hub's OAuth), then the class view.
    await instructor.page.goto(`${hub.base}${SERVICE}/`);
    await instructor.page.getByText(`Signed in as ${INSTRUCTOR} (instructor)`).waitFor();
    await instructor.page.locator(`a[href="class/${COURSE}/page"]`).click();
    await instructor.page.waitForURL(new RegExp(`${SERVICE}/class/${COURSE}/page$`));
    // The roster is the hub's students group: alice has a row, with a column per exercise of
    // the course (read from its notebooks before any release; the page heads them without the
    // course prefix), all empty.
    const before = await gridRow(instructor.page, ALICE);
    const exerciseColumns = Object.keys(before).filter((k) => !["student", "tutor requests (hints)", "grade"].includes(k));
    assert.deepEqual(exerciseColumns.sort(), [...points.keys()].map((id) => id.slice(COURSE.length + 1)).sort(), "a column per exercise of the course");
    assert.deepEqual(before, { student: ALICE, "tutor requests (hints)": "0", grade: "—", ...Object.fromEntries(exerciseColumns.map((k) => [k, "—"])) }, "alice before the release");
    step("instructor on the class view");

    // Alice opens JupyterLab before anything is released: its fetch at start finds nothing,
    // and is over before the instructor publishes.
    await openLab(alice);
    await waitFor("alice's fetch at start", 120, () => answers(alice, "GET", "/releases").length > 0);
    assert.deepEqual(answers(alice, "GET", "/releases").map((r) => JSON.parse(r.body)), [[]], "nothing released yet");
    assert.equal(existsSync(join(hub.homes, ALICE, COURSE)), false, "nothing fetched");
    step("alice's JupyterLab open");

    // The instructor publishes.
    await instructor.page.locator("#publish").click();
    await instructor.page.locator("#status", { hasText: /published version 1/ }).waitFor({ timeout: 120_000 }).catch(async () => assert.fail(`publishing: ${await instructor.page.locator("#status").textContent()}`));
    const release = await (await sessions[ALICE].request(`${SERVICE}/releases`, { token: tokens[ALICE] })).json();
    const files = release.find((r) => r.course === COURSE).files.map((f) => f.path);
    assert.ok(files.includes(NOTEBOOK), `the release has ${NOTEBOOK}: ${files}`);
    step(`release 1 published (${files.length} files)`);

    // Alice: File → Get course releases; the notification counts every file as new.
    await fileMenu(alice.page, "Get course releases");
    assert.match(await notification(alice.page, /pk-basics \(release 1\)|Getting the course releases failed/, 120), new RegExp(`pk-basics \\(release 1\\): ${files.length} new, 0 updated`));
    const copy = join(hub.homes, ALICE, COURSE, NOTEBOOK);
    assert.equal(statSync(copy).uid, Number(execFileSync("id", ["-u", ALICE], { encoding: "utf8" })), "alice owns her copy");
    assert.doesNotMatch(readFileSync(copy, "utf8"), /BEGIN SOLUTION|Math\.LN2 \/ ke/, "the student version has no solution");
    step("alice fetched the release");

    // She opens the notebook, runs the cells above the exercise, and answers.
    await alice.page.evaluate((path) => window.jupyterapp.commands.execute("docmanager:open", { path }), `${COURSE}/${NOTEBOOK}`);
    await alice.page
      .waitForFunction(() => window.jupyterapp.shell.currentWidget?.sessionContext?.session?.kernel?.status === "idle", null, { timeout: 120_000, polling: 250 })
      .catch(() => assert.fail("the notebook did not open with an idle kernel within 120 s"));
    await alice.page.locator(VIEW).waitFor({ timeout: 30_000 });
    await alice.page.evaluate(() => {
      window.jupyterapp.shell.currentWidget.content.activeCellIndex = 1;
      return window.jupyterapp.commands.execute("notebook:run-cell");
    });
    await alice.page.waitForFunction(() => window.jupyterapp.shell.currentWidget.content.model.cells.get(1).executionCount != null, null, { timeout: 120_000 });
    const wrong = await answerAndCheck(alice.page, "const ke = CL / V;\nconst halfLife = 1 / ke;");
    assert.equal(wrong.result.passed, false, "1/ke is not the half-life");
    await alice.page.locator(`${VIEW} li[data-misconception="ln 2 forgotten"]`).waitFor({ timeout: 10_000 });
    assert.match(await alice.page.locator(`${VIEW} .pmx-ExerciseView-status`).textContent(), /✗ Not yet .*attempt 1/);
    const right = await answerAndCheck(alice.page, "const ke = CL / V;\nconst halfLife = Math.LN2 / ke;");
    assert.equal(right.result.passed, true, JSON.stringify(right.result));
    await alice.page.locator(`${VIEW}.pmx-mod-passed`).waitFor({ timeout: 10_000 });
    assert.match(await alice.page.locator(`${VIEW} .pmx-ExerciseView-status`).textContent(), /✓ Passed .*attempt 2/);
    step("alice checked: ✗ then ✓");

    // File → Submit notebook, right after the ✓ (the collaboration server's autosave of the
    // check's metadata races the submission's save): saved and submitted. The product answers
    // with the receipt or one error, each of its two steps bounded by 60 s.
    await fileMenu(alice.page, "Submit notebook");
    assert.match(await notification(alice.page, /Submitted|Submitting failed/, 150), new RegExp(`Submitted ${NOTEBOOK.replace(".", "\\.")} \\(${COURSE}\\)`));
    const submitted = await (await sessions[INSTRUCTOR].request(`${SERVICE}/submissions/${COURSE}?user=${ALICE}`, { token: tokens[INSTRUCTOR] })).json();
    assert.deepEqual(submitted.map((s) => s.notebook), [NOTEBOOK], "the service has alice's submission");
    const saved = JSON.parse(readFileSync(copy, "utf8")).cells.find((c) => c.metadata?.pmxlab?.exercise?.id === EXERCISE);
    assert.match([saved.source].flat().join(""), /Math\.LN2 \/ ke/, "submitting saved the notebook");
    await screenshot(alice, "alice");
    step("alice submitted");

    // Bob starts JupyterLab after the release: it is fetched into his home at start.
    const bob = await browserUser(BOB);
    await openLab(bob);
    await waitFor("bob's fetch at start", 120, () => answers(bob, "POST", `/releases/${COURSE}/sync`).length > 0);
    const synced = JSON.parse(answers(bob, "POST", `/releases/${COURSE}/sync`)[0].body);
    assert.equal(synced.added.length, files.length, `every file of the release is new to bob: ${JSON.stringify(synced)}`);
    assert.ok(existsSync(join(hub.homes, BOB, COURSE, NOTEBOOK)), "bob has the release in his home");
    await bob.context.close();
    delete browsers[BOB];
    step("bob got the release at start");

    // The class view: alice's two attempts and her pass (the records arrive as she checks).
    let row;
    await waitFor("alice's checks in the class view", 120, async () => {
      await instructor.page.reload();
      row = await gridRow(instructor.page, ALICE);
      return row?.[COLUMN] === "✓ 2 attempts";
    }).catch(() => assert.fail(`alice's row: ${JSON.stringify(row)}`));
    assert.equal((await gridRow(instructor.page, BOB))?.[COLUMN], "—", "bob, in the roster, has not checked");
    assert.match(await instructor.page.locator("#misconceptions").textContent(), /pk-basics\/half-life\s*ln 2 forgotten\s*1/);

    // Grading: the page's button, then it reloads with the grades.
    await instructor.page.locator("#grade").click();
    let status = "";
    await waitFor("grading", 600, async () => {
      status = await instructor.page.locator("#status").textContent({ timeout: 5_000 });
      return /failed/.test(status) || (await gridRow(instructor.page, ALICE))?.grade !== "—";
    }, hub.logTail);
    assert.doesNotMatch(status, /failed/);
    row = await gridRow(instructor.page, ALICE);
    assert.equal(row.grade, `${points.get(EXERCISE)} / ${maxPoints}`, "alice earns the half-life's points of the course's");
    await screenshot(instructor, "class-view");
    step("graded");

    // The gradebook CSV downloads.
    const [download] = await Promise.all([instructor.page.waitForEvent("download", { timeout: 60_000 }), instructor.page.locator('a[href="grades.csv"]').click()]);
    const csv = readFileSync(await download.path(), "utf8").trim().split(/\r?\n/).map((line) => line.split(","));
    const header = csv[0];
    const aliceRow = Object.fromEntries(csv.find((r) => r[0] === ALICE).map((v, i) => [header[i], v]));
    assert.equal(download.suggestedFilename(), `${COURSE}-grades.csv`, "the file is named after the course");
    assert.equal(Number(aliceRow[EXERCISE]), points.get(EXERCISE), "the half-life column");
    assert.equal(Number(aliceRow.total), points.get(EXERCISE));
    assert.equal(Number(aliceRow.max), maxPoints);
    assert.equal(Number(aliceRow.checks), 2, "her two Check attempts");
    assert.ok(csv.some((r) => r[0] === BOB), "bob has a row");
    step("CSV downloaded");

    // Alice: File → Show my feedback.
    await fileMenu(alice.page, "Show my feedback");
    const dialog = alice.page.locator(".jp-Dialog .pmxlab-feedback");
    await dialog.waitFor({ timeout: 30_000 });
    const text = await dialog.textContent();
    assert.match(text, new RegExp(`Total: ${points.get(EXERCISE)} / ${maxPoints}`));
    assert.match(text, new RegExp(`${EXERCISE}: ${points.get(EXERCISE)} / ${points.get(EXERCISE)}`));
    await screenshot(alice, "feedback");
    step("alice saw her feedback");

    assert.deepEqual(outside, [], "no browser request left 127.0.0.1");
  });
});
