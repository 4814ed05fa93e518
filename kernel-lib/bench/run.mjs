// npm run bench — simulation throughput of @pmxlab/kernel on one core.
// Workload (issue 2): 1,000 subjects, 2-compartment oral model, 100 mg q12h for 14 days,
// hourly output 0–336 h, rtol 1e-6, atol 1e-9; ODE path vs closed-form path.
import { simulate, getModel } from "../dist/esm/index.js";

const SUBJECTS = 1000;
const model = getModel("pk2cmt_oral");
const typical = { KA: 1, CL: 5, V1: 50, Q: 2, V2: 100 };

// Deterministic log-normal spread (30% CV) so no subject repeats another's parameters;
// a fixed LCG keeps the bench independent of the random module.
let seed = 20261123;
const uniform = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) + 0.5) / 4294967296;
const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
const subjects = Array.from({ length: SUBJECTS }, () =>
  Object.fromEntries(Object.entries(typical).map(([k, v]) => [k, v * Math.exp(0.3 * normal())])),
);
const input = { regimen: "100 mg q12h x 28", times: { start: 0, end: 336, step: 1 }, subjects };
const options = { rtol: 1e-6, atol: 1e-9 };

function measure(method) {
  simulate(model, { ...input, subjects: subjects.slice(0, 50) }, { ...options, method }); // warm-up (JIT)
  const rounds = [];
  let sim;
  for (let r = 0; r < 3; r++) {
    const start = process.hrtime.bigint();
    sim = simulate(model, input, { ...options, method });
    rounds.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (sim.status !== "success") throw new Error(`${method}: ${sim.message}`);
  }
  const ms = Math.min(...rounds);
  return { ms, perSecond: (SUBJECTS / ms) * 1000, sim };
}

const ode = measure("ode");
const exact = measure("closed-form");

// Agreement of the two paths over every row of every subject.
const a = ode.sim.outputs.CP;
const b = exact.sim.outputs.CP;
let worst = 0;
for (let i = 0; i < a.length; i++) if (b[i] > 1e-6) worst = Math.max(worst, Math.abs(a[i] - b[i]) / b[i]);

// Reference from ../shared/FIELD-NOTES.md: typical subject dosed 100.01 mg q12h, CP at 336 h.
const check = simulate(model, { regimen: "100.01 mg q12h x 28", times: [336], params: typical }, { method: "closed-form" });

const fmt = (x) => Math.round(x).toLocaleString("en-US");
console.log(`pmxlab bench — ${SUBJECTS} subjects, pk2cmt_oral, 100 mg q12h x 28, hourly to 336 h (${a.length} rows), node ${process.version}`);
console.log(`  ODE path (${ode.sim.method}):  ${ode.ms.toFixed(1)} ms  → ${fmt(ode.perSecond)} subjects/s  (target ≥ 5,000)`);
const work = ode.sim.stats;
const per = (x) => (x / SUBJECTS).toFixed(1);
console.log(`    per subject: ${per(work.steps)} steps (${per(work.rejected)} rejected), ${per(work.rhsEvals)} f evaluations; ${((ode.ms * 1000) / work.steps).toFixed(3)} µs per step, everything included`);
console.log(`  closed-form path:     ${exact.ms.toFixed(1)} ms  → ${fmt(exact.perSecond)} subjects/s  (target ≥ 20,000)`);
console.log(`  ratio closed-form / ODE: ${(exact.perSecond / ode.perSecond).toFixed(1)}×`);
console.log(`  vs mrgsolve's reported ~900 subjects/s: ODE ${(ode.perSecond / 900).toFixed(1)}×, closed form ${(exact.perSecond / 900).toFixed(1)}×`);
console.log(`  max relative difference ODE vs closed form: ${worst.toExponential(2)}`);
console.log(`  CP(336 h), typical subject, 100.01 mg: ${check.outputs.CP[0].toPrecision(12)} mg/L (reference 1.00349498326)`);
const ok = ode.perSecond >= 5000 && exact.perSecond >= 20000;
console.log(ok ? "  targets met" : "  TARGET MISSED");
