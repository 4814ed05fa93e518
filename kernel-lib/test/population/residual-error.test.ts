import { describe, expect, it } from "vitest";
import { PopulationError, RandomStream, residualError, simulatePopulation } from "../../src/index.js";

const N = 100_000;

function meanVariance(x: ArrayLike<number>): { mean: number; variance: number } {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  const mean = s / x.length;
  let v = 0;
  for (let i = 0; i < x.length; i++) v += (x[i] - mean) ** 2;
  return { mean, variance: v / (x.length - 1) };
}

/** Checks mean and variance of N draws of g(DV) against the formula, within 4 standard errors (normal ε). */
function expectMoments(values: number[], mean: number, variance: number): void {
  const m = meanVariance(values);
  expect(Math.abs(m.mean - mean)).toBeLessThan(4 * Math.sqrt(variance / values.length));
  expect(Math.abs(m.variance / variance - 1)).toBeLessThan(4 * Math.sqrt(2 / values.length));
}

describe("residual error", () => {
  const draws = (spec: Parameters<typeof residualError>[0], ipred: number, g: (dv: number) => number): number[] => {
    const draw = residualError(spec);
    const rng = RandomStream.fromSeed(21);
    return Array.from({ length: N }, () => g(draw(ipred, rng)));
  };

  it("proportional: DV/IPRED − 1 has mean 0 and variance σ²", () => {
    expectMoments(draws({ proportional: 0.01 }, 7, (dv) => dv / 7 - 1), 0, 0.01);
  });

  it("additive: DV − IPRED has mean 0 and variance σ²", () => {
    expectMoments(draws({ additive: 0.25 }, 7, (dv) => dv - 7), 0, 0.25);
  });

  it("combined: DV − IPRED has variance IPRED²·σ₁² + σ₂²", () => {
    expectMoments(draws({ proportional: 0.04, additive: 0.5 }, 3, (dv) => dv - 3), 0, 9 * 0.04 + 0.5);
  });

  it("exponential: ln(DV/IPRED) has mean 0 and variance σ²", () => {
    expectMoments(draws({ exponential: 0.09 }, 5, (dv) => Math.log(dv / 5)), 0, 0.09);
  });

  it("simulatePopulation applies it to the output: DV/IPRED − 1 over all rows has mean 0, variance σ²", () => {
    const pop = simulatePopulation(
      "pk1cmt_iv",
      { regimen: "100 mg", times: { start: 1, end: 24, step: 1 }, n: 2000, seed: 8, omega: { CL: 0.09 }, sigma: { proportional: 0.0225 } },
      { keep: "all" },
    );
    const ratio = Array.from(pop.dv!, (dv, r) => dv / pop.ipred![r] - 1);
    expectMoments(ratio, 0, 0.0225);
  });

  it("refuses a negative SIGMA", () => {
    expect(() => residualError({ proportional: -0.01 })).toThrow(PopulationError);
    expect(() => residualError({ proportional: -0.01 })).toThrow("SIGMA proportional = -0.01: a variance must be a finite number ≥ 0");
  });
});
