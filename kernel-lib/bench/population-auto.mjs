// Automatic in-process / worker-thread choice of simulatePopulationParallel (issue 10: 2,000
// subjects took 5.1 s cold on two workers against 0.47 s in-process). The reference workload
// (pk2cmt_oral, 100 mg q12h x 28, hourly to 336 h, OMEGA on CL, V1, KA, proportional error)
// at 2,000 subjects: in-process (the same-run baseline), "auto", and two cold workers forced.
// Usage: node kernel-lib/bench/population-auto.mjs [subjects]   (after `npm run build`)
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { simulatePopulation, populationWork, WORKER_THRESHOLD } = require("../dist/cjs/index.js");
const { simulatePopulationParallel } = require("../dist/node/index.js");

const n = Number(process.argv[2] ?? 2000);
const input = {
  regimen: "100 mg q12h x 28",
  times: { start: 0, end: 336, step: 1 },
  n,
  seed: 20261206,
  params: { KA: 1, CL: 5, V1: 50, Q: 2, V2: 100 },
  omega: { names: ["CL", "V1", "KA"], matrix: [[0.09], [0.045, 0.09], [0, 0.027, 0.09]] },
  sigma: { proportional: 0.01 },
};
const options = { summaries: { percentiles: true, attainment: [{ kind: "auc", from: 312, to: 336, atLeast: 20 }] } };

const time = async (run) => {
  const start = process.hrtime.bigint();
  const result = await run();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
};

simulatePopulation("pk2cmt_oral", { ...input, n: 200 }, options); // warm the JIT for every path alike
const work = populationWork("pk2cmt_oral", input, options);
// Best of 3: this machine is shared, and single runs stall.
const best = async (run) => {
  let fastest;
  for (let i = 0; i < 3; i++) {
    const r = await time(run);
    if (!fastest || r.ms < fastest.ms) fastest = r;
  }
  return fastest;
};
const inProcess = await best(() => simulatePopulation("pk2cmt_oral", input, options));
const auto = await best(() => simulatePopulationParallel("pk2cmt_oral", input, options));
const workers = await time(() => simulatePopulationParallel("pk2cmt_oral", input, { ...options, workers: 2 }));
const same = JSON.stringify(auto.result.percentiles.values.map((v) => Array.from(v))) === JSON.stringify(inProcess.result.percentiles.values.map((v) => Array.from(v)));

console.log(`population auto choice, ${n} subjects × 337 times (pk2cmt_oral reference workload)`);
console.log(`  work ${work} subject-times (threshold ${WORKER_THRESHOLD}): auto runs ${work > WORKER_THRESHOLD ? "on workers" : "in-process"}`);
console.log(`  in-process (baseline, best of 3):      ${inProcess.ms.toFixed(0)} ms`);
console.log(`  auto (best of 3):                      ${auto.ms.toFixed(0)} ms  (${(auto.ms / inProcess.ms).toFixed(2)}× the baseline)`);
console.log(`  2 workers, cold:                       ${workers.ms.toFixed(0)} ms  (${(workers.ms / inProcess.ms).toFixed(2)}× the baseline)`);
console.log(`  auto result identical to in-process:   ${same}`);
