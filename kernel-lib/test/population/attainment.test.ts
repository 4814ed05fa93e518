import { describe, expect, it } from "vitest";
import { simulatePopulation } from "../../src/index.js";
import { normalCdf, Z95 } from "./normal-cdf.js";

// One-compartment IV bolus, D = 100 mg, V = 10 L, CL log-normal: CL = 1·exp(η), η ~ N(0, 0.09).
// C(t) = D/V·exp(−CL·t/V) decreases with CL, so
//   P(C(t) ≥ c) = P(CL ≤ (V/t)·ln(D/(V·c))) = Φ(ln((V/t)·ln(D/(V·c))) / ω).
const D = 100;
const V = 10;
const TV = 1;
const OMEGA2 = 0.09;
const W = Math.sqrt(OMEGA2);
const n = 20_000;
const times = Array.from({ length: 49 }, (_, k) => k * 0.5); // 0 … 24 h

const pop = simulatePopulation(
  "pk1cmt_iv",
  { regimen: `${D} mg`, times, n, seed: 4, params: { CL: TV, V }, omega: { CL: OMEGA2 } },
  {
    summaries: {
      percentiles: { quantiles: [0.05, 0.5, 0.95] },
      attainment: [
        { kind: "concentration", time: 12, atLeast: [2, 3, 4] },
        { kind: "cmin", from: 0, to: 24, atLeast: 1 },
        { kind: "time-above", concentration: 2, from: 0, to: 24, atLeast: 0.5 },
      ],
    },
  },
);

/** P(CL ≤ x) for the log-normal CL. */
const clBelow = (x: number) => normalCdf(Math.log(x / TV) / W);
/** Binomial standard error of a proportion estimated from n subjects. */
const se = (p: number) => Math.sqrt((p * (1 - p)) / n);

describe("probability of target attainment", () => {
  it("P(C(12 h) ≥ c) matches Φ(ln((V/t)·ln(D/(V·c)))/ω) within 4 binomial standard errors", () => {
    const { thresholds, probability } = pop.attainment[0];
    thresholds.forEach((c, i) => {
      const exact = clBelow((V / 12) * Math.log(D / (V * c)));
      expect(Math.abs(probability[i] - exact)).toBeLessThan(4 * se(exact));
    });
  });

  it("Cmin over 0–24 h of a falling curve is C(24 h): P = Φ(ln((V/24)·ln(D/V))/ω)", () => {
    const exact = clBelow((V / 24) * Math.log(D / (V * 1)));
    expect(Math.abs(pop.attainment[1].probability[0] - exact)).toBeLessThan(4 * se(exact));
  });

  it("time above 2 mg/L for at least half of 0–24 h: C(12 h) ≥ 2, so P = Φ(ln((V/12)·ln(D/(2V)))/ω)", () => {
    // Time above c is (V/CL)·ln(D/(V·c)); ≥ 12 h exactly when C(12 h) ≥ c.
    const exact = clBelow((V / 12) * Math.log(D / (V * 2)));
    expect(Math.abs(pop.attainment[2].probability[0] - exact)).toBeLessThan(4 * se(exact) + 0.002);
  });

  it("percentile bands equal the closed-form quantiles of C(t) (compared as implied η, within 4 standard errors)", () => {
    // The p-quantile of C(t) is C at the (1 − p)-quantile of CL: D/V·exp(−TV·exp(ω·z₁₋ₚ)·t/V).
    // Back-transformed, a band value gives η̂ = ln(V·ln(D/(V·C))/(t·TV)), to compare with ω·z₁₋ₚ;
    // the standard error of a sample p-quantile of η is ω·sqrt(p(1 − p)/n)/φ(z).
    const { quantiles, values } = pop.percentiles!;
    const z = [Z95, 0, -Z95];
    for (const t of [2, 12, 24]) {
      const k = times.indexOf(t);
      quantiles.forEach((p, q) => {
        const eta = Math.log((V * Math.log(D / (V * values[q][k]))) / (t * TV));
        const density = Math.exp((-z[q] * z[q]) / 2) / Math.sqrt(2 * Math.PI);
        expect(Math.abs(eta - W * z[q])).toBeLessThan((4 * W * Math.sqrt((p * (1 - p)) / n)) / density);
      });
    }
  });

  it("at time 0 every subject has D/V, so every band is D/V exactly", () => {
    for (const band of pop.percentiles!.values) expect(band[0]).toBe(D / V);
  });
});
