import { describe, expect, it } from "vitest";
import { simulatePopulation } from "../../src/index.js";
import type { PopulationInput } from "../../src/index.js";

// pk1cmt_iv, 100 mg at 0 and 24 h, V = 10 L fixed; CL = exp(η + κ_occasion) with
// η ~ N(0, 0.04) per subject and κ ~ N(0, 0.09) per occasion (occasion 2 starts with dose 2).
// Within an occasion C falls as exp(−CL·t/V), so CL = V·ln(C(t₁)/C(t₂))/(t₂ − t₁) exactly, and
//   Var ln CL₁ = Var ln CL₂ = 0.04 + 0.09,  Cov(ln CL₁, ln CL₂) = 0.04.
const V = 10;
const n = 2000;
const TIMES = [1, 23, 25, 47];
const INPUT: PopulationInput = {
  regimen: "100 mg q24h x 2",
  times: TIMES,
  n,
  seed: 12,
  params: { CL: 1, V },
  omega: { CL: 0.04 },
  iov: { omega: { CL: 0.09 }, occasions: { doses: [2] } },
};

describe("inter-occasion variability", () => {
  it("each occasion has its own CL: variances ω² + κ², covariance ω² between occasions (4 standard errors)", () => {
    const pop = simulatePopulation("pk1cmt_iv", INPUT, { keep: "all" });
    const T = TIMES.length;
    const lnCl = (s: number, a: number, b: number) => Math.log((V * Math.log(pop.ipred![s * T + a] / pop.ipred![s * T + b])) / 22);
    const x = Array.from({ length: n }, (_, s) => lnCl(s, 0, 1));
    const y = Array.from({ length: n }, (_, s) => lnCl(s, 2, 3));
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const mx = mean(x);
    const my = mean(y);
    const cov = (u: number[], mu: number, v: number[], mv: number) => u.reduce((a, ui, i) => a + (ui - mu) * (v[i] - mv), 0) / (n - 1);
    const total = 0.13;
    expect(Math.abs(cov(x, mx, x, mx) / total - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    expect(Math.abs(cov(y, my, y, my) / total - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    // Var of a sample covariance of a bivariate normal: (σx²σy² + σxy²)/n.
    expect(Math.abs(cov(x, mx, y, my) - 0.04)).toBeLessThan(4 * Math.sqrt((total * total + 0.04 * 0.04) / n));
  });

  it("occasions by dose number and by the same dose's time give the same subjects", () => {
    const byDose = simulatePopulation("pk1cmt_iv", { ...INPUT, n: 50 }, { keep: "all" });
    const byTime = simulatePopulation("pk1cmt_iv", { ...INPUT, n: 50, iov: { omega: { CL: 0.09 }, occasions: { times: [24] } } }, { keep: "all" });
    expect(byTime.ipred).toEqual(byDose.ipred);
  });

  it("refuses a dose number the regimen does not have", () => {
    expect(() => simulatePopulation("pk1cmt_iv", { ...INPUT, iov: { omega: { CL: 0.1 }, occasions: { doses: [3] } } })).toThrow(
      "IOV occasion starts at dose 3, but the regimen has doses 1–2",
    );
  });

  it("refuses occasion boundaries that do not increase", () => {
    expect(() => simulatePopulation("pk1cmt_iv", { ...INPUT, iov: { omega: { CL: 0.1 }, occasions: { times: [24, 12] } } })).toThrow(
      "IOV occasion boundaries must increase: boundary 2 (12 h) is not after boundary 1 (24 h)",
    );
  });
});
