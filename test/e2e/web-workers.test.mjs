// Browser test of PopulationWebWorkerPool (@pmxlab/kernel/browser), without JupyterLab: bundles
// the built package with esbuild as a web app would (one bundle for the page, one for the module
// worker), serves them from 127.0.0.1 and runs a population in Debian's chromium, once in the page
// thread with simulatePopulation and once on two web workers; the results must agree bit for bit.
// Needs the build (`npm run build --workspace @pmxlab/kernel`).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchChromium } from "./chromium.mjs";

const REPO_ROOT = new URL("../..", import.meta.url).pathname.replace(/\/$/, "");
const ESBUILD = join(REPO_ROOT, "node_modules/.bin/esbuild");

const N = 2000;
const INPUT = { regimen: "100 mg q12h x 28", times: { end: 336, step: 1 }, n: N, seed: 7, omega: { CL: 0.09, V1: 0.04, KA: 0.16 }, sigma: { proportional: 0.01 } };
const OPTIONS = { summaries: { percentiles: { quantiles: [0.05, 0.5, 0.95] }, attainment: [{ kind: "concentration", time: 336, atLeast: [0.5] }] } };

const PAGE_ENTRY = `
import { simulatePopulation } from "@pmxlab/kernel";
import { PopulationWebWorkerPool } from "@pmxlab/kernel/browser";
window.pmxlab = { simulatePopulation, PopulationWebWorkerPool };
`;
const HTML = `<!doctype html><meta charset="utf-8"><title>web workers</title><script type="module" src="/page.js"></script>`;

let dir;
let server;
let browser;

/** Bundles `source` (resolved from the repository, so "@pmxlab/kernel/…" goes through the package's exports) into dir/name. */
function bundle(source, name) {
  execFileSync(ESBUILD, ["--bundle", "--format=esm", "--platform=browser", "--log-level=warning", `--outfile=${join(dir, name)}`], { input: source, cwd: REPO_ROOT });
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "pmxlab-web-workers-"));
  bundle(PAGE_ENTRY, "page.js");
  bundle('import "@pmxlab/kernel/browser/worker";', "worker.js");
  writeFileSync(join(dir, "index.html"), HTML);
  const types = { html: "text/html", js: "text/javascript" };
  server = createServer((request, response) => {
    const name = request.url === "/" ? "index.html" : request.url.slice(1);
    if (!["index.html", "page.js", "worker.js"].includes(name)) return response.writeHead(404).end();
    response.writeHead(200, { "content-type": types[name.split(".").pop()] }).end(readFileSync(join(dir, name)));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("two web workers give the page thread's percentile bands and PTA bit for bit, with progress up to n", { timeout: 120_000 }, async () => {
  const page = await browser.newPage();
  const pageErrors = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => window.pmxlab !== undefined, undefined, { timeout: 30_000 });

  const r = await page.evaluate(
    async ({ input, options }) => {
      const { simulatePopulation, PopulationWebWorkerPool } = window.pmxlab;
      // Every number of both results, in the same order; compared with Object.is (NaN = NaN, 0 ≠ −0).
      const numbers = (pop) => [...pop.percentiles.quantiles, ...pop.percentiles.values.flatMap((v) => [...v]), ...pop.attainment.flatMap((a) => [...a.thresholds, ...a.probability])];
      const differences = (a, b) => (a.length !== b.length ? Infinity : a.filter((x, i) => !Object.is(x, b[i])).length);

      let t = performance.now();
      const single = simulatePopulation("pk2cmt_oral", input, options);
      const pageMs = performance.now() - t;

      const chunkReplies = [];
      const startWorker = () => {
        const worker = new Worker("/worker.js", { type: "module" });
        const index = chunkReplies.push(0) - 1;
        worker.addEventListener("message", (event) => "chunk" in event.data && chunkReplies[index]++);
        return worker;
      };
      const progress = [];
      t = performance.now();
      const pool = new PopulationWebWorkerPool(startWorker, 2);
      const cold = await pool.simulate("pk2cmt_oral", input, { ...options, onProgress: (done, total) => progress.push([done, total]) });
      const coldMs = performance.now() - t;
      t = performance.now();
      const warm = await pool.simulate("pk2cmt_oral", input, options);
      const warmMs = performance.now() - t;
      await pool.close();

      const expected = numbers(single);
      return {
        compared: expected.length,
        coldDifferences: differences(expected, numbers(cold)),
        warmDifferences: differences(expected, numbers(warm)),
        median336: single.percentiles.values[1].at(-1),
        bandLengths: single.percentiles.values.map((v) => v.length),
        pta: single.attainment[0].probability[0],
        progress,
        chunkReplies,
        pageMs,
        coldMs,
        warmMs,
      };
    },
    { input: INPUT, options: OPTIONS },
  );

  console.log(
    `[web-workers] ${N} subjects × 337 times: page thread ${r.pageMs.toFixed(0)} ms; 2 web workers ${r.coldMs.toFixed(0)} ms cold (starting them), ${r.warmMs.toFixed(0)} ms warm`,
  );
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(r.bandLengths, [337, 337, 337]);
  assert.ok(r.median336 > 0 && Number.isFinite(r.median336), `median at 336 h = ${r.median336}`);
  assert.ok(r.pta > 0 && r.pta < 1, `PTA = ${r.pta}`);
  assert.equal(r.compared, 3 + 3 * 337 + 2);
  assert.equal(r.coldDifferences, 0, "values that differ between the page thread and the web workers (first run)");
  assert.equal(r.warmDifferences, 0, "values that differ between the page thread and the web workers (warm pool)");
  // 2000 subjects in chunks of 500 (the default): one progress call per chunk, reaching n.
  assert.deepEqual(r.progress.map(([, total]) => total), [N, N, N, N]);
  assert.equal(Math.max(...r.progress.map(([done]) => done)), N);
  assert.equal(r.chunkReplies.length, 2);
  assert.ok(r.chunkReplies.every((count) => count >= 1), `chunks answered per worker: ${r.chunkReplies}`);
  await page.close();
});
