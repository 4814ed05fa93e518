// The common start of a browser test: fresh folders under test-results/, the test's own
// copies of the notebooks in place, the `npm start` set-up (a no-op when done), the real JupyterLab on those folders and
// Debian's chromium — and one call that ends it all again.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { launchChromium } from "./chromium.mjs";
import { REPO_ROOT, startJupyterLab } from "./jupyterlab.mjs";

export const RESULTS = join(REPO_ROOT, "test-results");

/**
 * Runs every cell of the open notebook and waits until a plotly trace is drawn inside
 * `plot` (a CSS selector), or a cell writes to stderr, or the renderer `widget` shows its
 * error state — failing with that text. Returns the number of traces and the seconds taken.
 *
 * @example
 * const { traces, seconds } = await runAllCellsUntilPlotted(page, { widget: ".pmx-PlotlyRenderer", plot: ".pmx-PlotlyRenderer" });
 */
export async function runAllCellsUntilPlotted(page, { widget, plot }) {
  const started = Date.now();
  await page.evaluate(() => window.jupyterapp.commands.execute("notebook:run-all-cells"));
  const outcome = await page
    .waitForFunction(
      ([widget, plot]) => {
        const error = document.querySelector(`.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"], ${widget}.pmx-mod-error`);
        if (error) return { error: error.textContent };
        const traces = document.querySelectorAll(`${plot} .main-svg .scatterlayer .trace path.js-line`);
        return traces.length > 0 ? { traces: traces.length } : false;
      },
      [widget, plot],
      { timeout: 180_000, polling: 250 },
    )
    .then((handle) => handle.jsonValue())
    .catch(() => assert.fail(`no plotly trace appeared in ${plot} within 180 s of running the notebook`));
  assert.equal(outcome.error, undefined, `a cell failed: ${outcome.error}`);
  return { traces: outcome.traces, seconds: (Date.now() - started) / 1000 };
}

/** Index of exercise `id`'s cell in the open notebook's model (-1: none). */
export function exerciseCellIndex(page, id) {
  return page.evaluate((id) => {
    const cells = window.jupyterapp.shell.currentWidget.content.model.cells;
    for (let i = 0; i < cells.length; i++) if (cells.get(i).getMetadata("pmxlab")?.exercise?.id === id) return i;
    return -1;
  }, id);
}

/**
 * Waits until the open notebook's cell `index` holds a *Check* result of more than `attempts`
 * attempts (its `pmxlab.check` metadata) and answers it; fails after 120 s naming `what`.
 *
 * @example
 * const state = await nextCheckResult(page, 5, 0, "pressing Check"); // state.result.passed
 */
export function nextCheckResult(page, index, attempts, what) {
  return page
    .waitForFunction(
      ([i, n]) => {
        const state = window.jupyterapp.shell.currentWidget.content.model.cells.get(i).getMetadata("pmxlab")?.check;
        return state && state.attempts > n ? state : false;
      },
      [index, attempts],
      { timeout: 120_000, polling: 250 },
    )
    .then((h) => h.jsonValue())
    .catch(() => assert.fail(`no check result was stored within 120 s of ${what}`));
}

/** Resolves after the page has painted twice more, so a screenshot shows what was last drawn. */
export function afterNextPaint(page) {
  return page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/**
 * Switches JupyterLab to its dark theme and waits until the page shows it: the theme flag on
 * <body>; with `plot` (a plotly graph div) and `host` (the element whose theme variables its
 * renderer reads), the plot redrawn in the theme's font colour; then two more paints.
 *
 * @example
 * await switchToDarkTheme(page, { plot: ".pmx-PlotlyRenderer", host: ".pmx-PlotlyRenderer" });
 */
export async function switchToDarkTheme(page, { plot, host } = {}) {
  await page.evaluate(() => window.jupyterapp.commands.execute("apputils:change-theme", { theme: "JupyterLab Dark" }));
  await page
    .waitForFunction(() => document.body.dataset.jpThemeLight === "false", null, { timeout: 30_000 })
    .catch(() => assert.fail("JupyterLab did not switch to the dark theme within 30 s"));
  if (plot) {
    await page
      .waitForFunction(
        ([plot, host]) => {
          const graph = document.querySelector(plot);
          const colour = getComputedStyle(document.querySelector(host)).getPropertyValue("--jp-ui-font-color1").trim();
          return colour !== "" && graph?.layout?.font?.color === colour;
        },
        [plot, host],
        { timeout: 30_000, polling: 100 },
      )
      .catch(() => assert.fail(`the plot ${plot} was not redrawn in the dark theme's colours within 30 s`));
  }
  await afterNextPaint(page);
}

/**
 * Starts a test's JupyterLab: serves a fresh folder `test-results/<name>-notebooks-XXXXXX`
 * (inside the repository, so tslab finds node_modules) after `prepare(workDir)` has put the
 * notebooks there — the test's own copies, so neither the test nor a student's use changes the
 * other's files — with user state in a fresh `test-results/<name>-jupyterlab-state-XXXXXX`
 * and the server log in `logFile`. Artifacts named in `stale` (left by an earlier run) are
 * removed first; `close()` removes both folders again.
 * Returns `{ lab, browser, workDir, close }`.
 *
 * @example
 * const session = await openLabSession({ name: "e2e", logFile: "jupyterlab.log", prepare: (dir) => copyFileSync(src, join(dir, "a.ipynb")) });
 * await session.close();
 */
export async function openLabSession({ name, logFile, stale = [], prepare }) {
  mkdirSync(RESULTS, { recursive: true });
  const workDir = mkdtempSync(join(RESULTS, `${name}-notebooks-`));
  const stateDir = mkdtempSync(join(RESULTS, `${name}-jupyterlab-state-`));
  const removeFolders = () => {
    for (const dir of [workDir, stateDir]) rmSync(dir, { recursive: true, force: true });
  };
  for (const file of stale) rmSync(join(RESULTS, file), { force: true });
  prepare(workDir);
  const started = Date.now();
  // The same set-up as `npm start`; its output goes to the test log.
  execFileSync("bash", [join(REPO_ROOT, "scripts/setup.sh")], { stdio: ["ignore", "inherit", "inherit"], timeout: 20 * 60_000 });
  console.log(`# setup: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  let lab;
  try {
    lab = await startJupyterLab({ rootDir: workDir, stateDir, logFile: join(RESULTS, logFile) });
  } catch (error) {
    removeFolders();
    throw error;
  }
  console.log(`# JupyterLab up after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  let browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await lab.stop();
    removeFolders();
    throw error;
  }
  return {
    lab,
    browser,
    workDir,
    close: async () => {
      await browser.close().catch(() => {});
      await lab.stop();
      removeFolders();
    },
  };
}
