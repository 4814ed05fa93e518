// The same cells give the same numbers in the browser's TypeScript kernel (the lite site,
// lite/dist/, in Debian's chromium) as in tslab (the notebook runner of `pmxlab check`,
// kernel-lib/cli/exercise/notebook-runner.ts): a closed-form simulation, an ODE model with
// nonlinear binding (TMDD), NCA of the Theoph dataset read with fs as the course notebooks
// read it, a seeded population with residual error, and a least-squares fit. Each cell prints
// its numbers as JSON (shortest round-trip text, so equal text means equal doubles); the test
// prints how many are bit-identical.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { REPO_ROOT } from "../e2e/jupyterlab.mjs";
import { openLiteSite, openNotebook, RESULTS } from "./lite-site.mjs";

const require = createRequire(import.meta.url);
const { runNotebook } = require(join(REPO_ROOT, "kernel-lib/dist/cli/exercise/notebook-runner.js"));

const CELLS = [
  `import { fitIndividual, ncaDataset, ncaToCsv, readDataset, simulate, simulatePopulation } from "@pmxlab/kernel";
import { shippedDatasetPath } from "@pmxlab/kernel/node";
import { readFileSync } from "fs";
const theoph = readDataset(readFileSync(shippedDatasetPath("theoph.csv"), "utf8"));
const out = (label: string, values: ArrayLike<number>) => console.log(label + " " + JSON.stringify(Array.from(values)));`,
  // The benchmark workload of FIELD-NOTES.md: 2-compartment oral, 100 mg q12h x 28, hourly.
  `out("pk2cmt_oral CP", simulate("pk2cmt_oral", { regimen: "100 mg q12h x 28", times: { end: 336, step: 1 }, params: { KA: 1, CL: 5, V1: 50, Q: 2, V2: 100 } }).outputs.CP);`,
  `const tmdd = simulate("tmdd", { regimen: "10 nmol", times: { end: 500, step: 5 } });
out("tmdd CFREE", tmdd.outputs.CFREE);
out("tmdd RTOT", tmdd.outputs.RTOT);`,
  `out("theoph NCA", ncaToCsv(ncaDataset(theoph)).trim().split("\\n").slice(1).flatMap((row) => row.split(",").map(Number)));`,
  `const pop = simulatePopulation("pk2cmt_oral", { regimen: "100 mg q12h x 4", times: { end: 48, step: 2 }, n: 200, seed: 1, omega: { CL: 0.09, V1: 0.04, KA: 0.16 }, sigma: { proportional: 0.01 } }, { summaries: { percentiles: { quantiles: [0.05, 0.5, 0.95] } } });
out("population percentiles", pop.percentiles.values.flatMap((v) => Array.from(v)));`,
  `const fit = fitIndividual("pk1cmt_oral", theoph, { id: 1, parameters: { KA: 1.5, CL: 3, V: 30 } });
out("theoph subject 1 fit", Object.values(fit.estimates));`,
];

/** `label → numbers` from the printed lines of the cells. */
function numbersOf(lines) {
  const result = new Map();
  for (const line of lines.join("").split("\n").filter(Boolean)) {
    const at = line.indexOf(" [");
    assert.ok(at > 0, `a printed line is not "label [numbers]": ${line.slice(0, 200)}`);
    result.set(line.slice(0, at), JSON.parse(line.slice(at + 1)));
  }
  return result;
}

const notebook = {
  nbformat: 4,
  nbformat_minor: 5,
  metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
  cells: CELLS.map((source, i) => ({ cell_type: "code", id: `parity-${i}`, metadata: {}, source, outputs: [], execution_count: null })),
};

let site;
let workDir;

before(async () => {
  site = await openLiteSite();
  workDir = mkdtempSync(join(RESULTS, "lite-parity-"));
});

after(async () => {
  await site?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

test("the same cells give the same numbers in the browser kernel as in tslab", { timeout: 6 * 60_000 }, async () => {
  // tslab, as `pmxlab check` runs notebooks; the working folder is inside the repository, so
  // shippedDatasetPath finds datasets/ above it.
  const run = await runNotebook(notebook, workDir, { cellTimeout: 120, notebookTimeout: 300 });
  assert.equal(run.stopped, null, `the tslab run stopped: ${run.stopped}`);
  for (const [i, cell] of run.cells.entries()) assert.equal(cell.status, "ok", `tslab cell ${i}: ${JSON.stringify(cell.outputs)}`);
  const inTslab = numbersOf(run.cells.flatMap((c) => c.outputs.filter((o) => o.name === "stdout").flatMap((o) => o.text)));

  // The browser: the notebook saved into the site's browser storage at the top folder (where
  // datasets/ is), opened, run.
  const context = await site.newContext();
  const setup = await context.newPage();
  await setup.goto(`${site.url}lab/index.html`);
  await setup.waitForFunction(() => window.jupyterapp?.serviceManager?.contents, null, { timeout: 60_000 });
  await setup.evaluate((content) => window.jupyterapp.serviceManager.contents.save("parity.ipynb", { type: "notebook", format: "json", content }), notebook);
  await setup.close();
  const { page } = await openNotebook(context, site.url, "parity.ipynb");
  await page.evaluate(() => window.jupyterapp.commands.execute("notebook:run-all-cells"));
  const outputs = await page
    .waitForFunction(
      (n) => {
        const cells = [...window.jupyterapp.shell.currentWidget.content.model.cells];
        const errors = cells.flatMap((c) => c.outputs.toJSON()).filter((o) => o.output_type === "error");
        if (errors.length) return { errors };
        return cells.length === n && cells.every((c) => c.executionCount != null) ? { outputs: cells.map((c) => c.outputs.toJSON()) } : false;
      },
      CELLS.length,
      { timeout: 180_000, polling: 250 },
    )
    .then((h) => h.jsonValue())
    .catch(() => assert.fail("the cells did not all run in the browser kernel within 180 s"));
  assert.deepEqual(outputs.errors, undefined, `a cell failed in the browser kernel: ${JSON.stringify(outputs.errors)}`);
  const inBrowser = numbersOf(outputs.outputs.flat().filter((o) => o.name === "stdout").flatMap((o) => o.text));
  assert.deepEqual(context.outside, [], "the browser kernel fetched nothing from other hosts");
  await context.close();

  assert.deepEqual([...inBrowser.keys()], [...inTslab.keys()], "the same numbers were printed");
  let values = 0;
  let identical = 0;
  for (const [label, expected] of inTslab) {
    const actual = inBrowser.get(label);
    assert.equal(actual.length, expected.length, `${label}: as many numbers`);
    assert.ok(expected.length > 0, `${label}: some numbers`);
    // Both are V8 (Node's and Chromium's) but not the same version: a Math function may round
    // its last bit differently, and an ODE's adaptive steps carry that on. So the numbers must
    // agree to 12 significant digits of the value, or, for values near zero (the free drug of
    // TMDD after the target has taken it up), of the largest value in their series; a different
    // computation differs far more.
    const scale = Math.max(...expected.map((v) => Math.abs(v ?? 0)));
    let same = 0;
    let worst = 0;
    for (let i = 0; i < expected.length; i++) {
      values++;
      if (Object.is(actual[i], expected[i])) {
        same++;
        continue;
      }
      const difference = Math.abs(actual[i] - expected[i]);
      worst = Math.max(worst, difference / Math.abs(expected[i]));
      assert.ok(difference <= 1e-12 * Math.abs(expected[i]) || difference <= 1e-12 * scale, `${label}[${i}]: browser ${actual[i]}, tslab ${expected[i]}`);
    }
    identical += same;
    console.log(`# ${label}: ${same}/${expected.length} bit-identical, largest relative difference ${worst.toExponential(1)}`);
  }
  console.log(`# ${values} numbers from ${inTslab.size} computations: ${identical} bit-identical in the browser kernel and tslab, the rest agree to 12 significant digits`);
});
