import { describe, expect, it } from "vitest";
import { simulatePopulation } from "../../src/population/index.js";

/** AUC over [0, T] of a one-compartment oral model after dose D at time 0 (Bateman; Gibaldi & Perrier 1982, eq. 1.39 integrated). */
function batemanAuc(D: number, KA: number, CL: number, V: number, T: number): number {
  const k = CL / V;
  return ((D * KA) / (V * (KA - k))) * ((1 - Math.exp(-k * T)) / k - (1 - Math.exp(-KA * T)) / KA);
}

describe("population exposure targets", () => {
  const input = {
    regimen: "100 mg",
    // A coarse grid: a trapezoid AUC over it misses the absorption peak.
    times: [0, 4, 8, 12, 24],
    n: 20,
    seed: 3,
    params: { KA: 1.5, CL: 4, V: 30 },
    omega: { CL: 0.09, KA: 0.16 },
  };

  it("an AUC target is the exact integral of each subject's solution, not a trapezoid over the grid", () => {
    const pop = simulatePopulation("pk1cmt_oral", input, { summaries: { attainment: [{ kind: "auc", from: 0, to: 24, atLeast: 20 }] } });
    const { parameters, metrics } = pop.subjects!;
    for (let s = 0; s < 20; s++) {
      const exact = batemanAuc(100, parameters.KA[s], parameters.CL[s], 30, 24);
      expect(metrics[0][s]).toBeCloseTo(exact, 9);
    }
    // The trapezoid on this grid would be several % off for the typical subject.
    const c = (t: number) => ((100 * 1.5) / (30 * (1.5 - 4 / 30))) * (Math.exp((-4 / 30) * t) - Math.exp(-1.5 * t));
    const grid = input.times;
    let trapezoid = 0;
    for (let k = 0; k + 1 < grid.length; k++) trapezoid += ((grid[k + 1] - grid[k]) * (c(grid[k]) + c(grid[k + 1]))) / 2;
    expect(Math.abs(trapezoid / batemanAuc(100, 1.5, 4, 30, 24) - 1)).toBeGreaterThan(0.03);
    expect(pop.warnings).toEqual([]);
  });

  it("an AUC window inside the grid is the AUC state's increase over it", () => {
    const pop = simulatePopulation("pk1cmt_oral", { ...input, omega: undefined, n: 1 }, { summaries: { attainment: [{ kind: "auc", from: 4, to: 12, atLeast: 1 }] } });
    expect(pop.subjects!.metrics[0][0]).toBeCloseTo(batemanAuc(100, 1.5, 4, 30, 12) - batemanAuc(100, 1.5, 4, 30, 4), 9);
  });

  it("warns when the grid is too coarse for a minimum or time-above target, and not on a fine grid", () => {
    const target = { kind: "time-above" as const, concentration: 1, atLeast: 0.5 };
    const coarse = simulatePopulation("pk1cmt_oral", input, { summaries: { attainment: [target] } });
    expect(coarse.warnings.join("\n")).toMatch(/target 1 \(time-above\) is read on the output grid, which is coarse/);
    const fine = simulatePopulation("pk1cmt_oral", { ...input, times: { end: 24, step: 0.1 } }, { summaries: { attainment: [target] } });
    expect(fine.warnings).toEqual([]);
  });
});

describe("population input checks that warn", () => {
  const base = { regimen: "100 mg", times: [1, 2], n: 5, params: { KA: 1, CL: 4, V: 30 } };

  it("an OMEGA variance of 30 on CL is accepted with a warning giving its CV; 0.09 is not flagged", () => {
    const pop = simulatePopulation("pk1cmt_oral", { ...base, omega: { CL: 30 } });
    expect(pop.warnings).toHaveLength(1);
    // CV = sqrt(exp(30) − 1) ≈ 3.3e6, in % 3.3e8.
    expect(pop.warnings[0]).toMatch(/OMEGA variance of CL is 30: a log-normal CV of 3\.3e\+8 %/);
    expect(simulatePopulation("pk1cmt_oral", { ...base, omega: { CL: 0.09 } }).warnings).toEqual([]);
  });

  it("percentile bands say whether they are of IPRED or DV, and why", () => {
    const withSigma = simulatePopulation("pk1cmt_oral", { ...base, sigma: { proportional: 0.01 } }, { summaries: { percentiles: true } });
    expect(withSigma.percentiles!.of).toBe("DV");
    expect(withSigma.percentiles!.note).toMatch(/default when sigma is given.*of: "IPRED"/);
    expect(withSigma.summary()).toMatch(/percentiles of DV/);
    const asked = simulatePopulation("pk1cmt_oral", { ...base, sigma: { proportional: 0.01 } }, { summaries: { percentiles: { of: "IPRED" } } });
    expect(asked.percentiles!.of).toBe("IPRED");
    expect(asked.percentiles!.note).toBe("percentiles of IPRED (as asked)");
    expect(() => simulatePopulation("pk1cmt_oral", base, { summaries: { percentiles: { of: "CP" as "DV" } } })).toThrow(/use "IPRED"/);
  });
});
