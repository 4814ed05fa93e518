// Browser end-to-end test: the README's set-up, the real JupyterLab, Debian's chromium.
// Opens a copy of the demo notebook, runs it in the tslab kernel (it computes with
// @pmxlab/kernel and displays a plotly figure) and checks the plot is drawn, offline.
// To test another notebook or API, change NOTEBOOK (cells run top to bottom; the test
// expects at least one plotly figure and no error output).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync } from "node:fs";
import { basename, join } from "node:path";
import { REPO_ROOT } from "./jupyterlab.mjs";
import { afterNextPaint, openLabSession, RESULTS, runAllCellsUntilPlotted, switchToDarkTheme } from "./lab-session.mjs";

const NOTEBOOK = join(REPO_ROOT, "courses/welcome.ipynb");

let session;
let lab;
let browser;

before(async () => {
  session = await openLabSession({
    name: "e2e",
    logFile: "jupyterlab.log",
    stale: ["e2e-failure.png", "e2e-notebook-plot.png", "e2e-notebook-plot-dark.png"],
    prepare: (workDir) => copyFileSync(NOTEBOOK, join(workDir, basename(NOTEBOOK))),
  });
  ({ lab, browser } = session);
});

after(() => session?.close());

test("a notebook cell computing with @pmxlab/kernel shows a plotly plot, with no request off this machine", { timeout: 10 * 60_000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const offMachine = [];
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(lab.baseUrl) && !/^(data|blob|about):/.test(url)) offMachine.push(url);
  });
  const consoleErrors = [];
  page.on("console", (message) => message.type() === "error" && consoleErrors.push(message.text()));

  try {
    await page.goto(`${lab.baseUrl}/lab/tree/${basename(NOTEBOOK)}?token=${lab.token}`, { timeout: 60_000 });
    const kernel = await page
      .waitForFunction(
        () => {
          const kernel = window.jupyterapp?.shell.currentWidget?.sessionContext?.session?.kernel;
          return kernel && kernel.status === "idle" ? kernel.name : false;
        },
        null,
        { timeout: 90_000, polling: 250 },
      )
      .catch(() => assert.fail("the notebook did not open with an idle kernel within 90 s"));
    assert.equal(await kernel.jsonValue(), "tslab", "the notebook runs in the tslab kernel");
    const commands = await page.evaluate(() => ["pmxlab:about", "pmxlab:new-notebook"].filter((id) => window.jupyterapp.commands.hasCommand(id)));
    assert.deepEqual(commands, ["pmxlab:about", "pmxlab:new-notebook"], "the pmxlab extension registered its commands");

    const outcome = await runAllCellsUntilPlotted(page, { widget: ".pmx-PlotlyRenderer", plot: ".pmx-PlotlyRenderer" });
    console.log(`# run all cells to plot drawn: ${outcome.seconds.toFixed(1)} s, ${outcome.traces} trace(s)`);

    const path = await page.locator(".pmx-PlotlyRenderer .scatterlayer .trace path.js-line").first().getAttribute("d");
    // plotly drops collinear points (the log-linear decline is one segment), so ask only for a drawn line.
    assert.match(path ?? "", /^M[\d.e+-]+,[\d.e+-]+L[\d.e+-]+,[\d.e+-]+/, "the trace is drawn as a line");

    await page.evaluate(() => window.jupyterapp.commands.execute("docmanager:save"));
    const plot = page.locator(".pmx-PlotlyRenderer").first();
    await plot.scrollIntoViewIfNeeded({ timeout: 10_000 });
    await afterNextPaint(page); // plotly's resize after scrolling is drawn
    // docs/screenshot.png (the README's picture) is a copy of this one, refreshed by hand.
    await page.screenshot({ path: join(RESULTS, "e2e-notebook-plot.png"), timeout: 30_000 });

    await switchToDarkTheme(page, { plot: ".pmx-PlotlyRenderer", host: ".pmx-PlotlyRenderer" });
    await page.screenshot({ path: join(RESULTS, "e2e-notebook-plot-dark.png"), timeout: 30_000 });

    assert.deepEqual(offMachine, [], "the page requested nothing outside the local JupyterLab");
  } catch (error) {
    await page.screenshot({ path: join(RESULTS, "e2e-failure.png"), timeout: 30_000 }).catch(() => {});
    if (consoleErrors.length > 0) console.log(`# browser console errors:\n${consoleErrors.join("\n")}`);
    throw error;
  } finally {
    await page.close().catch(() => {});
  }
});
