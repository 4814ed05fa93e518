// Cold start of the browser TypeScript kernel in a built JupyterLite site, measured in Debian's
// Chromium with every host but 127.0.0.1 blocked. Serve the site first (e.g. `python3 -m
// http.server 8765 --bind 127.0.0.1` in its output folder; the site needs "exposeAppInBrowser":
// true in jupyter-lite.json), then:
//   node lite/kernel/bench/browser-cold-start.mjs http://127.0.0.1:8765 pk-basics/01-elimination.ipynb [runs]
// Prints, per run (a fresh browser each): notebook open with its kernel, first cell result after
// Run all, the whole notebook, the kernel's transpile time of each cell (its debug log), the
// cells that wrote to stderr, and the requests that tried to leave 127.0.0.1 (blocked).
import { chromium } from "playwright-core";

const [site, notebook, runsText = "1"] = process.argv.slice(2);
if (!site || !notebook) throw new Error("usage: node lite/kernel/bench/browser-cold-start.mjs SITE_URL NOTEBOOK_PATH [RUNS]");

for (let run = 1; run <= Number(runsText); run++) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
  try {
    const page = await browser.newPage();
    const outside = [];
    await page.route("**/*", (route) => {
      if (new URL(route.request().url()).hostname === "127.0.0.1") return route.continue();
      outside.push(route.request().url());
      return route.abort();
    });
    const transpiled = [];
    page.on("console", (m) => {
      const match = /cell \d+ transpiled in ([\d.]+) ms/.exec(m.text());
      if (match) transpiled.push(Number(match[1]));
    });
    const t0 = Date.now();
    await page.goto(`${site}/lab/index.html?path=${notebook}`);
    await page.waitForFunction(() => window.jupyterapp?.shell?.currentWidget?.sessionContext?.session?.kernel, null, { timeout: 120_000 });
    const opened = Date.now() - t0;
    const tRun = Date.now();
    await page.evaluate(() => window.jupyterapp.commands.execute("notebook:run-all-cells"));
    await page.waitForSelector(".jp-OutputArea-output", { timeout: 120_000 });
    const first = Date.now() - tRun;
    await page.waitForFunction(
      () => {
        const panel = window.jupyterapp.shell.currentWidget;
        const code = panel.content.widgets.filter((c) => c.model.type === "code");
        return panel.sessionContext.session.kernel.status === "idle" && code.every((c) => c.model.executionCount !== null);
      },
      null,
      { timeout: 300_000, polling: 250 },
    );
    const all = Date.now() - tRun;
    const stderr = await page.evaluate(() =>
      window.jupyterapp.shell.currentWidget.content.widgets
        .map((c, i) => [i + 1, c.model.type === "code" ? c.model.outputs.toJSON().filter((o) => o.name === "stderr").map((o) => o.text).join("") : ""])
        .filter(([, text]) => text !== ""),
    );
    console.log(`run ${run}: notebook open with kernel ${opened} ms; first result ${first} ms after Run all; all cells ${all} ms`);
    console.log(`  transpile per cell (ms): ${transpiled.map((t) => t.toFixed(1)).join(", ")}`);
    for (const [cell, text] of stderr) console.log(`  cell ${cell} stderr: ${text.slice(0, 300)}`);
    console.log(`  requests that tried to leave 127.0.0.1: ${outside.length}`);
  } finally {
    await browser.close();
  }
}
