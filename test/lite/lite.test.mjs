// Browser test of the browser-only edition (docs/lite.md): the site `npm run lite` built
// (lite/dist/), served as plain static files on 127.0.0.1 (lite/serve.mjs), in Debian's
// chromium with every other host blocked. On the released pk-basics/01-elimination notebook in
// the TypeScript kernel: it runs top to bottom from a cold start (timed to the first cell's
// result); the interactive simulation draws and re-simulates as a slider moves (values checked
// against the closed form); *Check* fails a wrong half-life with its misconception and passes
// the author's solution; a solution that shows a plot draws it; the tutor answers offline in
// the page; the results survive a reload (browser storage) and are in the downloaded .ipynb.
// Then a Python cell runs in Pyodide. No request leaves 127.0.0.1.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../e2e/jupyterlab.mjs";
import { nextCheckResult } from "../e2e/lab-session.mjs";
import { openLiteSite, openNotebook, RESULTS, runCell, SITE } from "./lite-site.mjs";

const NOTEBOOK = "pk-basics/01-elimination.ipynb";
const VIEW = (id) => `.pmx-ExerciseView[data-exercise="${id}"]`;
const SLIDER = '.pmx-SliderControl[data-name="CL"] input[type="range"]';

let site;
let context;
let page;
let consoleErrors;

before(async () => {
  site = await openLiteSite();
  context = await site.newContext();
});

after(async () => {
  // The page as the tests left it (after a failure: where it stopped).
  await page?.screenshot({ path: join(RESULTS, "lite.png") }).catch(() => {});
  await context?.close().catch(() => {});
  await site?.close();
});

/** The code between BEGIN/END SOLUTION of exercise `id` in the instructor notebook (courses/), markers dropped. */
function authorSolution(id) {
  const notebook = JSON.parse(readFileSync(join(REPO_ROOT, "courses", NOTEBOOK), "utf8"));
  const cell = notebook.cells.find((c) => c.metadata?.pmxlab?.exercise?.id === id);
  return [cell.source].flat().join("").replace(/^\s*\/\/ (BEGIN|END) SOLUTION\s*$\n?/gm, "");
}

/** Index of exercise `id`'s cell in the open notebook. */
function exerciseIndex(id) {
  return page.evaluate((exercise) => {
    const cells = window.jupyterapp.shell.currentWidget.content.model.cells;
    for (let i = 0; i < cells.length; i++) if (cells.get(i).getMetadata("pmxlab")?.exercise?.id === exercise) return i;
    return -1;
  }, id);
}

/** The text/plain result of `code` run in the open notebook's kernel (not stored as a cell). */
function evaluateInKernel(code) {
  return page.evaluate(
    (source) =>
      new Promise((resolve) => {
        const future = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.requestExecute({ code: source, store_history: false });
        let text = "";
        future.onIOPub = (msg) => (text += msg.content.data?.["text/plain"] ?? "");
        future.done.then(() => resolve(text));
      }),
    code,
  );
}

/** Puts `source` in exercise `id`'s cell, presses its Check button and resolves to the stored result (`pmxlab.check`). */
async function check(id, source) {
  const index = await exerciseIndex(id);
  assert.ok(index >= 0, `no cell of exercise ${id}`);
  const attempts = await page.evaluate((i) => window.jupyterapp.shell.currentWidget.content.model.cells.get(i).getMetadata("pmxlab")?.check?.attempts ?? 0, index);
  await page.evaluate(([i, text]) => window.jupyterapp.shell.currentWidget.content.model.cells.get(i).sharedModel.setSource(text), [index, source]);
  await page.locator(`${VIEW(id)} .pmx-ExerciseView-check`).click();
  return nextCheckResult(page, index, attempts, `pressing Check on ${id}`);
}

test("a course notebook runs top to bottom in the TypeScript kernel, from a cold start", { timeout: 5 * 60_000 }, async () => {
  const started = Date.now();
  ({ page, consoleErrors } = await openNotebook(context, site.url, NOTEBOOK));
  const kernelIdle = (Date.now() - started) / 1000;
  // Cell 1 imports @pmxlab/kernel (fetched from the site into the kernel's worker) and declares CL and V.
  await runCell(page, 1);
  const firstResult = (Date.now() - started) / 1000;
  // The cell's declarations are the kernel's from now on: CL / V = 2.8 L/h / 32 L = 0.0875 1/h.
  assert.equal(await evaluateInKernel("CL / V"), "0.0875");
  console.log(`# cold start (empty browser cache and storage): page to idle kernel ${kernelIdle.toFixed(1)} s, to the first cell's result ${firstResult.toFixed(1)} s, ${(context.bytes / 1e6).toFixed(1)} MB loaded`);

  const runAll = Date.now();
  await page.evaluate(() => window.jupyterapp.commands.execute("notebook:run-all-cells"));
  const outcome = await page
    .waitForFunction(
      () => {
        const cells = [...window.jupyterapp.shell.currentWidget.content.model.cells].filter((c) => c.type === "code");
        const errors = cells.flatMap((c) => c.outputs.toJSON()).filter((o) => o.output_type === "error" || o.name === "stderr");
        if (errors.length) return { errors };
        return cells.every((c) => c.executionCount != null) ? { ran: cells.length } : false;
      },
      null,
      { timeout: 180_000, polling: 100 },
    )
    .then((h) => h.jsonValue())
    .catch(() => assert.fail("the notebook's cells did not all run within 180 s"));
  assert.deepEqual(outcome.errors, undefined, `a cell failed: ${JSON.stringify(outcome.errors)}`);
  const shipped = JSON.parse(readFileSync(join(SITE, "files", NOTEBOOK), "utf8"));
  assert.equal(outcome.ran, shipped.cells.filter((c) => c.cell_type === "code").length, "every code cell ran");
  console.log(`# run all cells: ${((Date.now() - runAll) / 1000).toFixed(1)} s`);
});

test("the interactive simulation draws and re-simulates in the page as a slider moves", { timeout: 3 * 60_000 }, async () => {
  const plot = ".pmx-Interactive-plot";
  await page.locator(`${plot} .main-svg .scatterlayer .trace path.js-line`).first().waitFor({ timeout: 60_000 });
  const read = () => page.evaluate((p) => ({ x: Array.from(document.querySelector(p).data[0].x), y: Array.from(document.querySelector(p).data[0].y) }), plot);
  // pk1cmt_iv, 500 mg bolus, V = 32 L: C(t) = 500/32 · exp(−CL/32 · t) mg/L (one compartment, first-order elimination).
  const closedForm = (cl, t) => (500 / 32) * Math.exp((-cl / 32) * t);
  const before = await read();
  assert.equal(before.x.at(-1), 48);
  assert.ok(Math.abs(before.y.at(-1) / closedForm(2.8, 48) - 1) < 1e-3, `C(48 h) at CL 2.8 L/h: ${before.y.at(-1)} vs ${closedForm(2.8, 48)} mg/L`);

  const slider = page.locator(SLIDER).first();
  await slider.scrollIntoViewIfNeeded();
  for (let i = 0; i < 5; i++) await slider.press("ArrowRight");
  const cl = Number(await slider.inputValue());
  assert.ok(cl > 2.8, `the CL slider moved up (now ${cl})`);
  // Each key press may redraw (a slow machine drew CL 3.0 before 3.05): wait for the drawing of
  // the slider's final value, which must come.
  const expected = closedForm(cl, 48);
  await page
    .waitForFunction(([p, want]) => Math.abs(document.querySelector(p).data[0].y.at(-1) / want - 1) < 1e-3, [plot, expected], { timeout: 30_000, polling: 100 })
    .catch(async () => assert.fail(`the plot did not show CL ${cl} L/h within 30 s of moving the slider: C(48 h) ${(await read()).y.at(-1)} vs ${expected} mg/L`));
  const redrawn = (await read()).y;
  assert.notEqual(redrawn.at(-1), before.y.at(-1), "the plot was re-simulated");
});

test("Check fails a wrong answer with its misconception, passes the author's solution, and a solution's plot is drawn", { timeout: 5 * 60_000 }, async () => {
  const wrong = await check("pk-basics/half-life", "const ke = CL / V;\nconst halfLife = 1 / ke;");
  assert.equal(wrong.result.passed, false);
  assert.equal(wrong.result.items.find((i) => i.name === "half-life (h)")?.misconception, "ln 2 forgotten", JSON.stringify(wrong.result));
  await page.locator(`${VIEW("pk-basics/half-life")}.pmx-mod-failed li[data-misconception="ln 2 forgotten"]`).waitFor({ timeout: 10_000 });

  // The tutor (no pmxlab server behind a static site): "Ask the tutor" under the failed
  // exercise gets a reply from the offline tutor running in the page, built on the check.
  await page.locator(".pmx-AskTutor").first().click();
  const reply = page.locator(".pmx-TutorView .pmx-mod-tutor:not(.pmx-mod-streaming)").first();
  await reply.waitFor({ timeout: 60_000 }).catch(async () => assert.fail(`no tutor reply within 60 s: ${await page.locator(".pmx-TutorView").textContent().catch(() => "no tutor cell")}`));
  const replyText = await reply.textContent();
  assert.match(replyText, /What your last check says/);
  assert.match(replyText, /ln 2/);
  assert.match(replyText, /answered by offline/);
  assert.match(replyText, /offline tutor answered in your browser/);

  const right = await check("pk-basics/half-life", authorSolution("pk-basics/half-life"));
  assert.equal(right.result.passed, true, JSON.stringify(right.result));
  assert.equal(right.attempts, 2);
  await page.locator(`${VIEW("pk-basics/half-life")}.pmx-mod-passed`).waitFor({ timeout: 10_000 });
  // The value the kernel holds is the closed form t½ = ln 2 · V / CL = ln 2 · 32 / 2.8 h.
  const value = await evaluateInKernel("halfLife");
  assert.ok(Math.abs(Number(value) - (Math.LN2 * 32) / 2.8) < 1e-12, `halfLife in the kernel: ${value}`);

  const plotted = await check("pk-basics/log-plot", authorSolution("pk-basics/log-plot"));
  assert.equal(plotted.result.passed, true, JSON.stringify(plotted.result));
  const index = await exerciseIndex("pk-basics/log-plot");
  const traces = page.locator(`.jp-Notebook .jp-Cell:nth-child(${index + 1}) .pmx-PlotlyRenderer .main-svg .scatterlayer .trace path.js-line`);
  await traces.first().waitFor({ timeout: 60_000 });
  assert.equal(await page.evaluate((i) => document.querySelectorAll(".jp-Notebook .jp-Cell")[i].querySelector(".pmx-PlotlyRenderer")?.layout?.yaxis?.type, index), "log");
});

test("results are kept in the browser's storage across a reload and are in the downloaded notebook", { timeout: 3 * 60_000 }, async () => {
  // Saved by JupyterLab's autosave (every 10 s on this site, jupyter-config/lite/overrides.json); no save pressed.
  await page
    .waitForFunction(() => window.jupyterapp.shell.currentWidget.context.model.dirty === false, null, { timeout: 60_000, polling: 250 })
    .catch(() => assert.fail("the notebook was not autosaved within 60 s"));
  await page.reload({ timeout: 60_000 });
  await page.locator(`${VIEW("pk-basics/half-life")}.pmx-mod-passed`).waitFor({ timeout: 60_000 });
  assert.match(await page.locator(`${VIEW("pk-basics/half-life")} .pmx-ExerciseView-status`).textContent(), /✓ Passed — 2\/2 · attempt 2/);
  assert.equal(await page.locator(".pmx-TutorView .pmx-mod-tutor").count(), 1, "the tutor's conversation is kept too");

  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 30_000 }), page.evaluate(() => window.jupyterapp.commands.execute("docmanager:download"))]);
  // JupyterLite names the file after its whole path.
  assert.equal(download.suggestedFilename(), "pk-basics_01-elimination.ipynb");
  const saved = JSON.parse(readFileSync(await download.path(), "utf8"));
  const cell = saved.cells.find((c) => c.metadata?.pmxlab?.exercise?.id === "pk-basics/half-life");
  assert.equal(cell.metadata.pmxlab.check.result.passed, true);
  assert.match([cell.source].flat().join(""), /Math\.LN2 \/ ke/, "the student's answer is in the downloaded notebook");
  assert.deepEqual(consoleErrors.filter((e) => /pmx|exercise|tutor|kernel/i.test(e)), [], "no errors from pmxlab or the kernel in the console");
});

test("a Python cell runs in Pyodide, served from the site", { timeout: 4 * 60_000 }, async () => {
  const started = Date.now();
  const bytesBefore = context.bytes;
  await page.evaluate(() => window.jupyterapp.commands.execute("notebook:create-new", { kernelName: "python" }));
  await page
    .waitForFunction(() => window.jupyterapp.shell.currentWidget?.sessionContext?.session?.kernel?.name === "python" && window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status === "idle", null, { timeout: 180_000, polling: 250 })
    .catch(() => assert.fail("no idle Python kernel within 180 s"));
  await page.evaluate(() => window.jupyterapp.shell.currentWidget.content.model.cells.get(0).sharedModel.setSource("import statistics, sys\nprint(sys.platform, statistics.fmean([1.5, 2.5, 3.5]), sum(range(101)))"));
  const outputs = await runCell(page, 0, { timeout: 180_000 });
  assert.deepEqual(
    outputs.map((o) => o.text),
    ["emscripten 2.5 5050\n"],
  );
  console.log(`# Python (Pyodide) from a new notebook to its first result: ${((Date.now() - started) / 1000).toFixed(1)} s, ${((context.bytes - bytesBefore) / 1e6).toFixed(1)} MB loaded`);
});

test("no request left 127.0.0.1, and the block would have caught one", { timeout: 60_000 }, async () => {
  assert.deepEqual(context.outside, [], `requests to other hosts: ${context.outside.join(", ")}`);
  assert.ok(context.requests > 100, `the site's own requests were seen (${context.requests})`);
  const fetched = await page.evaluate(() =>
    fetch("https://cdn.jsdelivr.net/pyodide/v314.0.6/full/pyodide-lock.json").then(
      () => "fetched",
      () => "blocked",
    ),
  );
  assert.equal(fetched, "blocked");
  assert.ok(context.outside.some((u) => u.startsWith("https://cdn.jsdelivr.net/")), "the blocked request was recorded");
});
