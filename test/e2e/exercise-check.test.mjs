// Browser end-to-end test of *Check*: the real JupyterLab (with real-time collaboration, as
// `npm start` runs it), Debian's chromium, the tslab kernel. Releases the sample course
// courses/pk-basics with `pmxlab release`, opens the student notebook, and on the half-life
// exercise: Check in a fresh kernel says "run the cells above first"; a wrong answer
// (1/ke) gets the ln 2 misconception; the fixed answer passes; a co-editor sees the result
// live; after a reload the result is still under the cell and in the saved .ipynb.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { REPO_ROOT } from "./jupyterlab.mjs";
import { exerciseCellIndex, nextCheckResult, openLabSession, RESULTS } from "./lab-session.mjs";

const NOTEBOOK = "01-elimination.ipynb";
const EXERCISE = "pk-basics/half-life";
const VIEW = `.pmx-ExerciseView[data-exercise="${EXERCISE}"]`;

let session;
let lab;
let browser;

before(async () => {
  session = await openLabSession({
    name: "e2e-exercise",
    logFile: "jupyterlab-exercise.log",
    stale: ["e2e-exercise-failure.png", "e2e-exercise.png"],
    prepare: (workDir) =>
      execFileSync(process.execPath, [join(REPO_ROOT, "kernel-lib/bin/pmxlab.js"), "release", join(REPO_ROOT, "courses/pk-basics"), "--out", workDir], { stdio: "inherit" }),
  });
  ({ lab, browser } = session);
});

after(() => session?.close());

async function openNotebook(context) {
  const page = await context.newPage();
  const consoleErrors = [];
  page.on("console", (message) => message.type() === "error" && consoleErrors.push(message.text()));
  await page.goto(`${lab.baseUrl}/lab/tree/${NOTEBOOK}?token=${lab.token}`, { timeout: 60_000 });
  await page
    .waitForFunction(() => window.jupyterapp?.shell.currentWidget?.sessionContext?.session?.kernel?.status === "idle", null, { timeout: 90_000, polling: 250 })
    .catch(() => assert.fail("the notebook did not open with an idle kernel within 90 s"));
  await page.locator(VIEW).waitFor({ timeout: 30_000 });
  return { page, consoleErrors };
}

/** Replaces the exercise cell's code, makes it the active cell, and presses Check (the button, or the command). */
async function check(page, source, how = "button") {
  const index = await exerciseCellIndex(page, EXERCISE);
  const attempts = await page.evaluate((i) => window.jupyterapp.shell.currentWidget.content.model.cells.get(i).getMetadata("pmxlab")?.check?.attempts ?? 0, index);
  await page.evaluate(
    ([i, text]) => {
      const notebook = window.jupyterapp.shell.currentWidget.content;
      notebook.model.cells.get(i).sharedModel.setSource(text);
      notebook.activeCellIndex = i;
    },
    [index, source],
  );
  if (how === "button") await page.locator(`${VIEW} .pmx-ExerciseView-check`).click();
  else await page.evaluate(() => window.jupyterapp.commands.execute("pmxlab:check-exercise"));
  return nextCheckResult(page, index, attempts, `pressing Check (${how})`);
}

test("Check on a released exercise: run the cells above first, a misconception, a pass, seen by a co-editor and kept after a reload", { timeout: 10 * 60_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const { page, consoleErrors } = await openNotebook(context);
  try {
    const cellsBefore = await page.evaluate(() => window.jupyterapp.shell.currentWidget.content.model.cells.length);

    // A fresh kernel has none of the cells above: the check says so.
    const fresh = await check(page, "const ke = CL / V;\nconst halfLife = 1 / ke;");
    assert.equal(fresh.result.passed, false);
    assert.match(fresh.result.items.map((i) => i.message).join("\n"), /run the cells above first/);

    // Run the cells above, then a wrong answer: the ln 2 misconception, named under the cell.
    await page.evaluate(() => {
      window.jupyterapp.shell.currentWidget.content.activeCellIndex = 1;
      return window.jupyterapp.commands.execute("notebook:run-cell");
    });
    await page.waitForFunction(() => window.jupyterapp.shell.currentWidget.content.model.cells.get(1).executionCount != null, null, { timeout: 120_000 });
    const wrong = await check(page, "const ke = CL / V;\nconst halfLife = 1 / ke;");
    const item = wrong.result.items.find((i) => i.name === "half-life (h)");
    assert.equal(item.misconception, "ln 2 forgotten");
    await page.locator(`${VIEW} li[data-misconception="ln 2 forgotten"]`).waitFor({ timeout: 10_000 });
    const below = await page.evaluate((selector) => {
      const view = document.querySelector(selector);
      const input = view.closest(".jp-Cell").querySelector(".jp-Cell-inputWrapper");
      return Boolean(input.compareDocumentPosition(view) & Node.DOCUMENT_POSITION_FOLLOWING);
    }, VIEW);
    assert.ok(below, "the result is shown under the cell's code");
    assert.match(await page.locator(`${VIEW} li[data-misconception]`).textContent(), /ln 2 is missing/);
    // The next hint, on request.
    await page.locator(`${VIEW} .pmx-ExerciseView-hint`).click();
    assert.match(await page.locator(`${VIEW} .pmx-ExerciseView-hintText`).first().textContent(), /Hint: .*clearance and volume/);

    // A co-editor has the notebook open and sees the next result arrive.
    const coEditor = await openNotebook(await browser.newContext({ viewport: { width: 1280, height: 900 } }));

    // The fixed answer passes (this time through the command, as the shortcut runs it).
    const right = await check(page, "const ke = CL / V;\nconst halfLife = Math.LN2 / ke;", "command");
    assert.equal(right.result.passed, true, JSON.stringify(right.result));
    assert.equal(right.attempts, 3);
    assert.match(right.codeHash, /^[0-9a-f]{64}$/);
    await page.locator(`${VIEW}.pmx-mod-passed`).waitFor({ timeout: 10_000 });
    await coEditor.page.locator(`${VIEW}.pmx-mod-passed`).waitFor({ timeout: 30_000 });
    await coEditor.page.context().close();

    // Check added no cell and no output to the exercise cell beyond the cell's own run.
    assert.equal(await page.evaluate(() => window.jupyterapp.shell.currentWidget.content.model.cells.length), cellsBefore);
    const index = await exerciseCellIndex(page, EXERCISE);
    const outputs = await page.evaluate((i) => window.jupyterapp.shell.currentWidget.content.model.cells.get(i).outputs.toJSON(), index);
    assert.deepEqual(outputs, [], "the exercise cell shows no stray output from the check");
    await page.locator(VIEW).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(RESULTS, "e2e-exercise.png"), timeout: 30_000 });

    // Saved and reloaded: the result is still under the cell.
    await page.evaluate(() => window.jupyterapp.commands.execute("docmanager:save"));
    await page.waitForTimeout(1_500);
    const response = await fetch(`${lab.baseUrl}/api/contents/${NOTEBOOK}?content=1&type=notebook`, { headers: { Authorization: `token ${lab.token}` } });
    const saved = (await response.json()).content.cells.find((c) => c.metadata?.pmxlab?.exercise?.id === EXERCISE);
    assert.equal(saved.metadata.pmxlab.check?.result?.passed, true, "the result is saved in the .ipynb");
    await page.reload({ timeout: 60_000 });
    await page.locator(`${VIEW}.pmx-mod-passed`).waitFor({ timeout: 90_000 });
    assert.match(await page.locator(`${VIEW} .pmx-ExerciseView-status`).textContent(), /✓ Passed — 2\/2 · attempt 3/);
    assert.deepEqual(consoleErrors.filter((e) => /pmx|exercise/i.test(e)), []);
  } catch (error) {
    await page.screenshot({ path: join(RESULTS, "e2e-exercise-failure.png"), timeout: 30_000 }).catch(() => {});
    if (consoleErrors.length > 0) console.log(`# browser console errors:\n${consoleErrors.join("\n")}`);
    throw error;
  } finally {
    await context.close().catch(() => {});
  }
});
