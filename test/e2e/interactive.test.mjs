// Browser end-to-end test of the interactive simulation: the README's set-up, the real
// JupyterLab (with real-time collaboration, as `npm start` runs it), Debian's chromium.
// Runs a copy of courses/interactive.ipynb (a cell calling `interactive(...)` in the tslab
// kernel), moves a parameter slider with the keyboard, and checks that the plot was
// re-simulated in the browser, that the slider positions reached the cell metadata
// (`pmxlab.interactive`) and the saved .ipynb, and measures re-simulate + redraw time per
// slider move (input event → plotly's `plotly_afterplot`; printed, not asserted: timings
// belong in benchmarks, and this machine is shared).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { REPO_ROOT } from "./jupyterlab.mjs";
import { afterNextPaint, openLabSession, RESULTS, runAllCellsUntilPlotted, switchToDarkTheme } from "./lab-session.mjs";

const NOTEBOOK = join(REPO_ROOT, "courses/interactive.ipynb");
const MOVES = 20;
const SLIDER = '.pmx-SliderControl[data-name="CL"] input[type="range"]';

let session;
let lab;
let browser;

before(async () => {
  session = await openLabSession({
    name: "e2e-interactive",
    logFile: "jupyterlab-interactive.log",
    stale: ["e2e-interactive-failure.png", "e2e-interactive.png", "e2e-interactive-dark.png", "e2e-interactive-timing.json"],
    prepare: (workDir) => copyFileSync(NOTEBOOK, join(workDir, basename(NOTEBOOK))),
  });
  ({ lab, browser } = session);
});

after(() => session?.close());

/** The `pmxlab.interactive` metadata of the first cell that has it, in the open notebook's model. */
function interactiveMetadata(page) {
  return page.evaluate(() => {
    const cells = window.jupyterapp.shell.currentWidget?.content?.model?.cells;
    if (!cells) return null;
    for (let i = 0; i < cells.length; i++) {
      const state = cells.get(i).getMetadata("pmxlab")?.interactive;
      if (state) return state;
    }
    return null;
  });
}

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

test("an interactive simulation re-simulates in the browser as a slider moves and keeps the slider in the cell metadata", { timeout: 5 * 60_000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const consoleErrors = [];
  page.on("console", (message) => message.type() === "error" && consoleErrors.push(message.text()));

  try {
    await page.goto(`${lab.baseUrl}/lab/tree/${basename(NOTEBOOK)}?token=${lab.token}`, { timeout: 60_000 });
    await page
      .waitForFunction(() => window.jupyterapp?.shell.currentWidget?.sessionContext?.session?.kernel?.status === "idle", null, { timeout: 90_000, polling: 250 })
      .catch(() => assert.fail("the notebook did not open with an idle kernel within 90 s"));

    const outcome = await runAllCellsUntilPlotted(page, { widget: ".pmx-Interactive", plot: ".pmx-Interactive-plot" });
    console.log(`# run all cells to interactive plot drawn: ${outcome.seconds.toFixed(1)} s`);
    const sliders = await page.locator(".pmx-Interactive .pmx-SliderControl").evaluateAll((nodes) => nodes.map((n) => n.dataset.name));
    assert.deepEqual(sliders, ["KA", "CL", "V1", "Q", "dose"], "one slider per parameter of the cell and one for the dose");

    const before = await page.evaluate(() => Array.from(document.querySelector(".pmx-Interactive-plot").data[0].y));
    assert.equal(before.length, 337, "hourly CP over 14 days");
    // Time each move from its input event (capture phase, before the control reacts) to
    // the end of plotly's redraw, so the wait for the next animation frame counts too.
    await page.evaluate(() => {
      const plot = document.querySelector(".pmx-Interactive-plot");
      const state = { start: 0, times: [], next: undefined };
      window.__pmxTiming = state;
      document.addEventListener("input", () => (state.start ||= performance.now()), true);
      plot.on("plotly_afterplot", () => {
        if (state.start === 0) return;
        state.times.push(performance.now() - state.start);
        state.start = 0;
        state.next?.();
      });
    });
    const slider = page.locator(SLIDER).first();
    await slider.scrollIntoViewIfNeeded();
    const start = Number(await slider.inputValue());
    for (let i = 0; i < MOVES; i++) {
      const drawn = page.evaluate(
        () =>
          new Promise((resolve) => {
            const timer = setTimeout(() => resolve(false), 5_000);
            window.__pmxTiming.next = () => resolve(clearTimeout(timer) ?? true);
          }),
      );
      await slider.press("ArrowRight"); // a real key press: the browser moves the slider one step and fires "input"
      if (!(await drawn)) assert.fail(`move ${i + 1}: no plotly redraw within 5 s of the key press (slider at ${await slider.inputValue()})`);
    }
    const end = Number(await slider.inputValue());
    assert.ok(Math.abs(end - (start + MOVES * 0.1)) < 1e-9, `the CL slider moved ${MOVES} steps of 0.1 (from ${start} to ${end})`);

    const after = await page.evaluate(() => Array.from(document.querySelector(".pmx-Interactive-plot").data[0].y));
    assert.equal(after.length, before.length);
    assert.ok(after[336] < before[336], `a higher CL lowers the concentration at 336 h (${before[336]} → ${after[336]})`);
    // Steady-state average scales as 1/CL: the last dosing interval's mean falls by about start/end.
    const mean = (y) => y.slice(324, 337).reduce((s, v) => s + v, 0) / 13;
    assert.ok(Math.abs(mean(after) / mean(before) - start / end) < 0.05, "the average concentration over the last interval scales as 1/CL");

    const times = await page.evaluate(() => window.__pmxTiming.times);
    const sorted = [...times].sort((a, b) => a - b);
    const timing = { moves: times.length, median_ms: quantile(sorted, 0.5), p95_ms: quantile(sorted, 0.95), max_ms: sorted[sorted.length - 1], target_ms: 50 };
    console.log(`# re-simulate + redraw per slider move (pk2cmt_oral, 100 mg q12h x 28, 337 times): median ${timing.median_ms.toFixed(1)} ms, p95 ${timing.p95_ms.toFixed(1)} ms (target < 50 ms)`);
    writeFileSync(join(RESULTS, "e2e-interactive-timing.json"), JSON.stringify({ ...timing, times_ms: times }, null, 1) + "\n");
    assert.equal(times.length, MOVES);

    const metadata = await page
      .waitForFunction(
        (cl) => {
          const cells = window.jupyterapp.shell.currentWidget.content.model.cells;
          for (let i = 0; i < cells.length; i++) {
            const state = cells.get(i).getMetadata("pmxlab")?.interactive;
            if (state && Math.abs(state.params.CL - cl) < 1e-9) return state;
          }
          return false;
        },
        end,
        { timeout: 10_000, polling: 100 },
      )
      .then((handle) => handle.jsonValue())
      .catch(async () => assert.fail(`the cell metadata pmxlab.interactive did not get CL ${end}: ${JSON.stringify(await interactiveMetadata(page))}`));
    assert.deepEqual(metadata, { params: { KA: 1, CL: end, V1: 50, Q: 2 }, dose: 100, logY: false });

    await page.locator(".pmx-Interactive button", { hasText: "Copy as code" }).click();
    const code = await page.locator(".pmx-Interactive-code").textContent();
    assert.match(code, new RegExp(`params: \\{ KA: 1, CL: ${end}, V1: 50, Q: 2 \\}`), "the copied code carries the slider settings");

    await page.evaluate(() => window.jupyterapp.commands.execute("docmanager:save"));
    const saved = await waitForSaved(end);
    assert.deepEqual(saved, metadata, "the settings are saved in the .ipynb");

    await page.locator(".pmx-Interactive").first().scrollIntoViewIfNeeded();
    await afterNextPaint(page);
    await page.screenshot({ path: join(RESULTS, "e2e-interactive.png"), timeout: 30_000 });
    await switchToDarkTheme(page, { plot: ".pmx-Interactive-plot", host: ".pmx-Interactive" });
    await page.screenshot({ path: join(RESULTS, "e2e-interactive-dark.png"), timeout: 30_000 });
  } catch (error) {
    await page.screenshot({ path: join(RESULTS, "e2e-interactive-failure.png"), timeout: 30_000 }).catch(() => {});
    if (consoleErrors.length > 0) console.log(`# browser console errors:\n${consoleErrors.join("\n")}`);
    throw error;
  } finally {
    await page.close().catch(() => {});
  }
});

/** Polls the notebook file on the server until its interactive cell holds CL = `cl`; returns that metadata. */
async function waitForSaved(cl) {
  const deadline = Date.now() + 20_000;
  let last;
  while (Date.now() < deadline) {
    const response = await fetch(`${lab.baseUrl}/api/contents/${basename(NOTEBOOK)}?content=1&type=notebook`, { headers: { Authorization: `token ${lab.token}` } });
    const notebook = await response.json();
    last = notebook.content?.cells?.map((cell) => cell.metadata?.pmxlab?.interactive).find(Boolean);
    if (last && Math.abs(last.params.CL - cl) < 1e-9) return last;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  assert.fail(`the saved notebook's pmxlab.interactive is ${JSON.stringify(last)}, not CL ${cl}`);
}
