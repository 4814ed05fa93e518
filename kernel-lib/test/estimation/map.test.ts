import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readDataset } from "../../src/data/index.js";
import { doseForTarget, mapEstimate } from "../../src/estimation/index.js";
import { MultivariateNormal, RandomStream } from "../../src/random/index.js";
import { runR } from "./r-reference.js";

const theoph = readDataset(readFileSync(resolve(__dirname, "../../../datasets/theoph.csv"), "utf8"));

// A vancomycin-like one-compartment IV model for TDM tests (illustrative values, not a
// published model): CL 4 L/h, V 50 L, 30 % and 20 % between-subject CV, 10 % proportional error.
const THETA = { CL: 4, V: 50 };
const OMEGA = { CL: 0.09, V: 0.04 };
const SIGMA = { proportional: 0.01 };
const DOSE = 1000; // mg IV bolus every 12 h
const SAMPLES = [11.5, 35.5, 47.5]; // h: two troughs and one level late in an interval

/** Closed-form 1-compartment IV bolus concentration (mg/L) of DOSE q12h at time t. */
function concentration(t: number, cl: number, v: number, dose = DOSE, doses = 4): number {
  let c = 0;
  for (let i = 0; i < doses && 12 * i <= t; i++) c += (dose / v) * Math.exp((-cl / v) * (t - 12 * i));
  return c;
}

function patientData(levels: number[]): ReturnType<typeof readDataset> {
  const rows = ["ID,TIME,EVID,AMT,CMT,DV,MDV"];
  const events = [...[0, 12, 24, 36].map((t) => ({ t, dose: true, dv: 0 })), ...SAMPLES.map((t, i) => ({ t, dose: false, dv: levels[i] }))].sort((a, b) => a.t - b.t);
  for (const e of events) rows.push(e.dose ? `1,${e.t},1,${DOSE},1,.,1` : `1,${e.t},0,0,1,${e.dv},0`);
  return readDataset(rows.join("\n"));
}

describe("mapEstimate", () => {
  it("with a flat prior (OMEGA 10⁶) and additive error is least squares: R's nls estimates for Theoph subject 1", () => {
    const r = runR(`f <- nls(conc ~ SSfol(Dose, Time, lKe, lKa, lCl), data = Theoph[Theoph$Subject == 1, ])
co <- coef(f); cat("ka", exp(co[["lKa"]]), "\\ncl", exp(co[["lCl"]]) * 79.6, "\\nv", exp(co[["lCl"]] - co[["lKe"]]) * 79.6, "\\n")`);
    const map = mapEstimate("pk1cmt_oral", theoph, { id: 1, theta: { KA: 1, CL: 3, V: 30 }, omega: { KA: 1e6, CL: 1e6, V: 1e6 }, sigma: { additive: 0.5 } });
    expect(map.status).toBe("converged");
    expect(map.parameters.KA / r.ka).toBeCloseTo(1, 4);
    expect(map.parameters.CL / r.cl).toBeCloseTo(1, 4);
    expect(map.parameters.V / r.v).toBeCloseTo(1, 4);
  });

  it("with a tight prior (OMEGA 10⁻¹⁰) returns the prior's typical values", () => {
    const map = mapEstimate("pk1cmt_oral", theoph, { id: 1, theta: { KA: 1, CL: 3, V: 30 }, omega: { KA: 1e-10, CL: 1e-10, V: 1e-10 }, sigma: { additive: 0.5 } });
    expect(map.parameters.KA).toBeCloseTo(1, 4);
    expect(map.parameters.CL).toBeCloseTo(3, 4);
    expect(map.parameters.V).toBeCloseTo(30, 3);
    // With no information from the data the posterior is the prior: SD = √OMEGA.
    expect(map.sd.CL / 1e-5).toBeCloseTo(1, 3);
  });

  it("recovers simulated patients' parameters within their posterior SD about 68 % of the time (Laplace posterior is calibrated)", () => {
    const stream = RandomStream.fromSeed(2024);
    const omega = new MultivariateNormal([[OMEGA.CL, 0], [0, OMEGA.V]]);
    const eta = new Float64Array(2);
    let within1 = 0;
    let within3 = 0;
    let total = 0;
    for (let patient = 0; patient < 60; patient++) {
      omega.sample(stream, eta);
      const cl = THETA.CL * Math.exp(eta[0]);
      const v = THETA.V * Math.exp(eta[1]);
      const levels = SAMPLES.map((t) => concentration(t, cl, v) * (1 + 0.1 * stream.normal()));
      const map = mapEstimate("pk1cmt_iv", patientData(levels), { theta: THETA, omega: OMEGA, sigma: SIGMA });
      expect(map.status).toBe("converged");
      [eta[0], eta[1]].forEach((truth, i) => {
        const error = Math.abs(map.eta[i] - truth) / Math.sqrt(map.covariance[i][i]);
        if (error < 1) within1++;
        if (error < 3) within3++;
        total++;
      });
    }
    // 120 comparisons: the binomial SD of the fraction is 0.043 around 0.683.
    expect(within1 / total).toBeGreaterThan(0.55);
    expect(within1 / total).toBeLessThan(0.81);
    expect(within3 / total).toBeGreaterThan(0.97);
  });

  it("finds the dose whose trough hits the target, by the closed form at the patient's parameters", () => {
    const map = mapEstimate("pk1cmt_iv", patientData([6.5, 9.8, 14]), { theta: THETA, omega: OMEGA, sigma: SIGMA });
    const result = doseForTarget(map, {
      regimen: (dose) => [{ time: 0, amount: dose, cmt: 1, rate: 0, ii: 12, addl: 9, ss: 0 }],
      times: { start: 0, end: 120, step: 0.5 },
      target: { kind: "concentration", time: 119.5, atLeast: 15 },
      samples: 400,
    });
    const { CL, V } = map.parameters;
    expect(concentration(119.5, CL, V, result.dose, 10)).toBeCloseTo(15, 5);
    // The posterior median outcome is the target (the trough is monotone in η), attainment ≈ 50 %.
    expect(result.percentiles.p50 / 15).toBeCloseTo(1, 1);
    expect(result.percentiles.p5).toBeLessThan(15);
    expect(result.percentiles.p95).toBeGreaterThan(15);
    expect(result.attainment).toBeGreaterThan(0.4);
    expect(result.attainment).toBeLessThan(0.6);
  });

  it("names the problem: theta not a parameter, a subject without levels", () => {
    expect(() => mapEstimate("pk1cmt_iv", patientData([6.5, 9.8, 14]), { theta: { CLL: 4 }, omega: OMEGA, sigma: SIGMA })).toThrow(/theta names "CLL"/);
    expect(() => mapEstimate("pk1cmt_iv", readDataset("ID,TIME,AMT,DV\n1,0,100,.\n"), { theta: THETA, omega: OMEGA, sigma: SIGMA })).toThrow(/no observations/);
  });
});
