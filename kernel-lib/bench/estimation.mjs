// Estimation bench (issue 15): wall and CPU time of FOCE-I fits on one core —
// Theoph (12 subjects, 1-compartment oral, BSV on KA, CL, V, additive error; target < 2 s)
// and phenobarbital (59 neonates, NONMEM's pheno_real model) — and of the SAEM fit of
// Theoph (300 + 200 iterations, seed 1), next to R's nlme on the
// Theoph data in the same job (the same-run baseline; Pinheiro & Bates' SSfol model, run by
// Rscript when R is installed: scripts/ensure-r.sh). Covariance step excluded.
// Usage: node kernel-lib/bench/estimation.mjs   (after `npm run build`)
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const { fitPopulation, fitSaem, readDataset } = require("../dist/cjs/index.js");
const datasets = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "datasets");
const read = (name) => readDataset(readFileSync(join(datasets, name), "utf8"));

// The fits run on one thread: their CPU time is the wall time they take on one free core,
// which the target is about; on a shared machine the wall time grows with the load.
function timed(label, run) {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const fit = run();
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const outcome = fit.ofv === undefined ? `THETA ${Object.entries(fit.theta).map(([k, v]) => `${k} ${v.toPrecision(3)}`).join(", ")}` : `OFV ${fit.ofv.toFixed(3)}, ${fit.status}`;
  console.log(`${label}: ${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU, ${outcome}, ${fit.iterations} iterations`);
  return cpuSeconds;
}

console.log(`load average ${loadavg()[0].toFixed(1)} (1 min): wall times grow with it`);
const theoph = timed("Theoph FOCE-I (pk1cmt_oral, 12 subjects)", () =>
  fitPopulation("pk1cmt_oral", read("theoph.csv"), { theta: { KA: 1, CL: 3, V: 30 }, omega: { KA: 0.3, CL: 0.1, V: 0.1 }, sigma: { additive: 0.5 }, covariance: false }),
);
timed("phenobarbital FOCE-I (pk1cmt_iv, 59 subjects)", () =>
  fitPopulation("pk1cmt_iv", read("pheno.csv"), {
    theta: { CL: 0.00469307, V: 1.00916, APGR_V: { value: 0.1, lower: -0.99 } },
    individual: (th, c) => ({ CL: th.CL * c.WGT, V: th.V * c.WGT * (c.APGR < 5 ? 1 + th.APGR_V : 1) }),
    omega: { CL: 0.0309626, V: 0.031128 },
    sigma: { proportional: 0.0130865 },
    covariance: false,
  }),
);
const saem = timed("Theoph SAEM (pk1cmt_oral, 12 subjects)", () =>
  fitSaem("pk1cmt_oral", read("theoph.csv"), { theta: { KA: 1, CL: 3, V: 30 }, omega: { KA: 0.3, CL: 0.1, V: 0.1 }, sigma: { additive: 0.5 } }),
);
console.log(`target: Theoph FOCE-I under 2 s on one core (CPU time) — ${theoph < 2 ? "met" : "NOT met"}`);

// nlme's CPU time (user + system), comparable with the fits' CPU time above.
const r = spawnSync("Rscript", ["--vanilla", "-e", 'library(nlme); t <- system.time(for (i in 1:10) f <- nlme(conc ~ SSfol(Dose, Time, lKe, lKa, lCl), data = Theoph, fixed = lKe + lKa + lCl ~ 1, random = pdDiag(lKe + lKa + lCl ~ 1), start = c(-2.4, 0.45, -3.2))); cat((t[["user.self"]] + t[["sys.self"]]) / 10)'], { encoding: "utf8" });
if (r.status === 0) {
  const nlme = Number(r.stdout.trim());
  console.log(`baseline R nlme on Theoph (same job): ${nlme.toFixed(3)} s CPU; FOCE-I / nlme = ${(theoph / nlme).toFixed(1)}×, SAEM / nlme = ${(saem / nlme).toFixed(1)}× (CPU time)`);
} else {
  console.log(`baseline R nlme: not run (${r.error ? "Rscript not found: bash scripts/ensure-r.sh" : r.stderr.trim()})`);
}
