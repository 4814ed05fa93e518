import { describe, expect, it } from "vitest";
import { readDataset } from "../../src/data/index.js";
import { marginalLikelihood } from "../../src/estimation/index.js";

// Three subjects, 100 mg IV bolus, 1-compartment (V 50 L), log-normal BSV on CL only, additive error.
const times = [1, 4, 8, 12];
const dvs = [
  [1.85, 1.35, 0.95, 0.62],
  [1.9, 1.55, 1.2, 0.98],
  [1.7, 1.05, 0.5, 0.3],
];
const csv = ["ID,TIME,EVID,AMT,CMT,DV,MDV", ...dvs.flatMap((row, i) => [`${i + 1},0,1,100,1,.,1`, ...row.map((dv, j) => `${i + 1},${times[j]},0,0,1,${dv},0`)])].join("\n");
const population = { theta: { CL: 5, V: 50 }, omega: { CL: 0.1 }, sigma: { additive: 0.01 } };

/** −2 log p(y) by the trapezoidal rule over η_CL (±10 SD, 40 001 points), closed-form concentrations. */
function quadrature(): number {
  const omega = population.omega.CL;
  const s2 = population.sigma.additive;
  const half = 10 * Math.sqrt(omega);
  const points = 40_001;
  const h = (2 * half) / (points - 1);
  return dvs.reduce((total, row) => {
    let integral = 0;
    for (let k = 0; k < points; k++) {
      const eta = -half + k * h;
      const ke = (5 * Math.exp(eta)) / 50;
      let logDensity = -0.5 * (Math.log(2 * Math.PI * omega) + (eta * eta) / omega);
      row.forEach((y, j) => {
        const c = 2 * Math.exp(-ke * times[j]);
        logDensity += -0.5 * (Math.log(2 * Math.PI * s2) + ((y - c) * (y - c)) / s2);
      });
      integral += (k === 0 || k === points - 1 ? 0.5 : 1) * Math.exp(logDensity) * h;
    }
    return total - 2 * Math.log(integral);
  }, 0);
}

describe("marginalLikelihood (importance sampling)", () => {
  it("equals the −2 log-likelihood integrated by quadrature over the one random effect, within 4 Monte Carlo SEs", () => {
    const exact = quadrature();
    const result = marginalLikelihood("pk1cmt_iv", readDataset(csv), population, { samples: 2000, seed: 11 });
    expect(result.standardError).toBeGreaterThan(0);
    expect(result.standardError).toBeLessThan(0.05);
    expect(Math.abs(result.minus2LogLikelihood - exact)).toBeLessThan(4 * result.standardError + 1e-6);
    expect(result.ofv).toBeCloseTo(result.minus2LogLikelihood - 12 * Math.log(2 * Math.PI), 10);
    expect(result.subjects).toHaveLength(3);
  });

  it("names the problem: too few samples, a non-integer ν", () => {
    expect(() => marginalLikelihood("pk1cmt_iv", readDataset(csv), population, { samples: 1 })).toThrow(/samples = 1/);
    expect(() => marginalLikelihood("pk1cmt_iv", readDataset(csv), population, { degreesOfFreedom: 2.5 })).toThrow(/degreesOfFreedom = 2.5/);
  });
});
