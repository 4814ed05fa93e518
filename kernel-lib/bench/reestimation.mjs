// Simulation–re-estimation study (issue 15, "200 datasets simulated from known parameters; bias
// and coverage of the 95% CIs reported"). The Theoph design (12 subjects, their own doses and
// sampling times, datasets/theoph.csv) is simulated from known values close to the published
// Theoph estimates (nlmixr2 theo_sd, Fidler et al. 2019 doi:10.1002/psp4.12445: KA 1.5 /h,
// CL 2.8 L/h, V 32 L; ω² KA 0.4, CL 0.07, V 0.02; additive σ² 0.5 (mg/L)²) and re-estimated
// with FOCE-I (covariance step: SE from R⁻¹SR⁻¹) or SAEM (SE by FOCE-I linearisation at its
// estimates). Per parameter it reports the mean relative bias (%) with its Monte Carlo SE, the
// relative RMSE (%), and the coverage of the Wald 95 % CI (estimate ± 1.96·SE) with its
// binomial SE; fits that fail or lack an SE are counted and left out of that parameter's
// coverage. Progress goes to stderr, one line per dataset.
// Usage: node kernel-lib/bench/reestimation.mjs [--datasets 200] [--method focei|saem] [--seed 1]
//        (after `npm run build`)
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { fitPopulation, fitSaem, readDataset, replaceObservations, saemLinearisation, simulateDesign } from "../dist/esm/index.js";

const { values } = parseArgs({ options: { datasets: { type: "string", default: "200" }, method: { type: "string", default: "focei" }, seed: { type: "string", default: "1" } } });
const count = Number(values.datasets);
const seed = Number(values.seed);
if (!Number.isInteger(count) || count < 1) throw new Error(`--datasets ${values.datasets}: give a whole number ≥ 1`);
if (values.method !== "focei" && values.method !== "saem") throw new Error(`--method ${values.method}: focei or saem`);

const truth = { theta: { KA: 1.5, CL: 2.8, V: 32 }, omega: { KA: 0.4, CL: 0.07, V: 0.02 }, sigma: { additive: 0.5 } };
const reported = [
  ["KA", truth.theta.KA],
  ["CL", truth.theta.CL],
  ["V", truth.theta.V],
  ["OMEGA(KA,KA)", truth.omega.KA],
  ["OMEGA(CL,CL)", truth.omega.CL],
  ["OMEGA(V,V)", truth.omega.V],
  ["SIGMA additive", truth.sigma.additive],
];
const design = readDataset(readFileSync(new URL("../../datasets/theoph.csv", import.meta.url), "utf8"));
const start = { theta: { KA: 1, CL: 3, V: 30 }, omega: { KA: 0.3, CL: 0.1, V: 0.1 }, sigma: { additive: 0.5 } };

/** One dataset's estimates with SE, as rows { name, estimate, se }. */
function reestimate(data, k) {
  if (values.method === "focei") return fitPopulation("pk1cmt_oral", data, { ...start, covariance: true });
  const saem = fitSaem("pk1cmt_oral", data, { ...start, seed: seed + k, importanceSamples: 0 });
  return saemLinearisation("pk1cmt_oral", data, saem);
}

const results = reported.map(() => ({ errors: [], covered: 0, withSe: 0 }));
let failed = 0;
const began = performance.now();
for (let k = 0; k < count; k++) {
  const sim = simulateDesign("pk1cmt_oral", design, truth, { replicates: 1, seed: seed * 100_003 + k });
  const data = replaceObservations(design, sim.dv.map((subject) => subject[0]));
  let fit;
  try {
    fit = reestimate(data, k);
  } catch (error) {
    failed++;
    process.stderr.write(`dataset ${k + 1}/${count}: failed (${error.message})\n`);
    continue;
  }
  if (values.method === "focei" && fit.status !== "converged") failed++;
  reported.forEach(([name, value], p) => {
    const row = fit.estimates.find((e) => e.name === name);
    results[p].errors.push((row.estimate - value) / value);
    if (Number.isFinite(row.se)) {
      results[p].withSe++;
      if (Math.abs(row.estimate - value) <= 1.96 * row.se) results[p].covered++;
    }
  });
  const elapsed = (performance.now() - began) / 1000;
  if ((k + 1) % 25 === 0 && k + 1 < count) report(k + 1, (line) => process.stderr.write(line + "\n"));
  process.stderr.write(`dataset ${k + 1}/${count}: ${values.method === "saem" ? "SAEM done" : fit.status}, KA ${fit.theta.KA.toFixed(3)} CL ${fit.theta.CL.toFixed(3)} V ${fit.theta.V.toFixed(2)}; ${elapsed.toFixed(0)} s, ~${((elapsed / (k + 1)) * (count - k - 1)).toFixed(0)} s left\n`);
}

/** The table of bias, RMSE and coverage over the datasets so far. */
function report(done, write) {
  const seconds = (performance.now() - began) / 1000;
  write(`Simulation–re-estimation: ${done} of ${count} Theoph-design datasets, ${values.method.toUpperCase()}, seed ${seed}; ${failed} failed or not converged; ${seconds.toFixed(0)} s (${(seconds / done).toFixed(1)} s a dataset)`);
  write("parameter        true      bias %  (MC SE)   RMSE %   95% CI coverage (binomial SE, n)");
  reported.forEach(([name, value], p) => {
    const e = results[p].errors;
    const n = e.length;
    const mean = e.reduce((s, x) => s + x, 0) / n;
    const sd = Math.sqrt(e.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
    const rmse = Math.sqrt(e.reduce((s, x) => s + x * x, 0) / n);
    const coverage = results[p].covered / results[p].withSe;
    const coverageSe = Math.sqrt((coverage * (1 - coverage)) / results[p].withSe);
    write(
      `${name.padEnd(15)} ${String(value).padStart(6)}  ${(100 * mean).toFixed(2).padStart(8)}  (${((100 * sd) / Math.sqrt(n)).toFixed(2)})  ${(100 * rmse).toFixed(1).padStart(7)}   ${(100 * coverage).toFixed(1)} % (${(100 * coverageSe).toFixed(1)}, ${results[p].withSe})`,
    );
  });
}

report(count, console.log);
