import { describe, expect, it } from "vitest";
import { percentileBandPlot, simulate, simulatePopulation } from "../../src/index.js";
import type { PopulationOptions } from "../../src/index.js";
import { TWO_DAYS as INPUT } from "./fixtures.js";

const OPTIONS: PopulationOptions = {
  summaries: { percentiles: { quantiles: [0.05, 0.25, 0.5, 0.75, 0.95] }, attainment: [{ kind: "auc", from: 36, to: 48, atLeast: [10, 15] }] },
  keep: "all",
};

function meanVariance(x: ArrayLike<number>): { mean: number; variance: number } {
  const values = Array.from(x);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { mean, variance: values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1) };
}

describe("simulatePopulation", () => {
  it("gives the same result, bit for bit, whatever the chunk size", () => {
    const a = simulatePopulation("pk2cmt_oral", INPUT, { ...OPTIONS, chunkSize: 7 });
    const b = simulatePopulation("pk2cmt_oral", INPUT, { ...OPTIONS, chunkSize: 500 });
    expect(a.dv).toEqual(b.dv);
    expect(a.percentiles).toEqual(b.percentiles);
    expect(a.attainment).toEqual(b.attainment);
    expect(a.subjects).toEqual(b.subjects);
  });

  it("the same seed repeats the population and another seed changes it", () => {
    const a = simulatePopulation("pk2cmt_oral", INPUT, OPTIONS);
    const b = simulatePopulation("pk2cmt_oral", INPUT, OPTIONS);
    const c = simulatePopulation("pk2cmt_oral", { ...INPUT, seed: 78 }, OPTIONS);
    expect(b.dv).toEqual(a.dv);
    expect(c.subjects!.parameters.CL).not.toEqual(a.subjects!.parameters.CL);
  });

  it("subject k is the same subject in a population of any size", () => {
    const small = simulatePopulation("pk2cmt_oral", { ...INPUT, n: 10 }, OPTIONS);
    const large = simulatePopulation("pk2cmt_oral", INPUT, OPTIONS);
    expect(large.subjects!.parameters.CL.subarray(0, 10)).toEqual(small.subjects!.parameters.CL);
    expect(large.dv!.subarray(0, small.dv!.length)).toEqual(small.dv);
  });

  it("percentile bands are the type-7 quantiles of the kept DV at each time", () => {
    const pop = simulatePopulation("pk2cmt_oral", INPUT, OPTIONS);
    const T = pop.times.length;
    const k = 10;
    const column = Array.from({ length: INPUT.n }, (_, s) => pop.dv![s * T + k]).sort((x, y) => x - y);
    pop.percentiles!.quantiles.forEach((p, q) => {
      const h = (INPUT.n - 1) * p;
      const lo = Math.floor(h);
      const expected = column[lo] + (h - lo) * ((column[lo + 1] ?? column[lo]) - column[lo]);
      expect(pop.percentiles!.values[q][k]).toBe(expected);
    });
  });

  it("PTA of an AUC target counts the subjects whose AUC (the solution's integral) reaches each threshold", () => {
    const pop = simulatePopulation("pk2cmt_oral", INPUT, OPTIONS);
    const { parameters, metrics } = pop.subjects!;
    // Each subject's AUC over [36, 48] h, integrated independently: its own simulation on a
    // 0.005 h grid, by Simpson's rule (error far below the 1e-6 tolerance on this smooth curve).
    const aucs = Array.from({ length: INPUT.n }, (_, s) => {
      const own = Object.fromEntries(Object.keys(parameters).map((q) => [q, parameters[q][s]]));
      const h = 0.005;
      const times = Array.from({ length: 2401 }, (_, k) => 36 + k * h);
      const c = simulate("pk2cmt_oral", { regimen: INPUT.regimen, times, params: { ...INPUT.params, ...own } }).outputs.CP;
      let sum = c[0] + c[2400];
      for (let k = 1; k < 2400; k++) sum += (k % 2 === 1 ? 4 : 2) * c[k];
      return (sum * h) / 3;
    });
    aucs.forEach((auc, s) => expect(metrics[0][s]).toBeCloseTo(auc, 6));
    expect(pop.attainment[0].probability).toEqual([10, 15].map((x) => Array.from(metrics[0]).filter((a) => a >= x).length / INPUT.n));
  });

  it("keeps only summaries with keep: none, parameters with keep: summary", () => {
    const none = simulatePopulation("pk2cmt_oral", INPUT, { ...OPTIONS, keep: "none" });
    const summary = simulatePopulation("pk2cmt_oral", INPUT, { ...OPTIONS, keep: "summary" });
    expect([none.subjects, none.ipred, none.dv]).toEqual([undefined, undefined, undefined]);
    expect(Object.keys(summary.subjects!.parameters)).toEqual(["CL", "V1", "KA"]);
    expect(summary.ipred).toBeUndefined();
    expect(summary.percentiles).toEqual(none.percentiles);
  });

  it("float32 storage gives bands within float32 rounding of the float64 ones", () => {
    const f64 = simulatePopulation("pk2cmt_oral", INPUT, { ...OPTIONS, keep: "none" });
    const f32 = simulatePopulation("pk2cmt_oral", INPUT, { ...OPTIONS, keep: "none", summaries: { percentiles: { quantiles: [0.05, 0.25, 0.5, 0.75, 0.95], precision: "float32" } } });
    f64.percentiles!.values.forEach((band, q) => band.forEach((v, k) => expect(Math.abs(f32.percentiles!.values[q][k] - v)).toBeLessThanOrEqual(2 ** -23 * Math.abs(v))));
  });

  it("counts subjects whose solution fails, names them, and leaves them out of the summaries", () => {
    const pop = simulatePopulation(
      "pk1cmt_iv",
      { regimen: "100 mg", times: [1, 2, 24], n: 3, omega: { CL: 0.09 } },
      { method: "ode", maxSteps: 2, summaries: { percentiles: true, attainment: [{ kind: "concentration", time: 24, atLeast: 1 }] } },
    );
    expect(pop.failed).toBe(3);
    expect(pop.message).toMatch(/^subjects 1–3: ID 1: /);
    expect(pop.percentiles!.values[1][2]).toBeNaN();
    expect(pop.attainment[0].evaluated).toBe(0);
  });

  it("reports progress after each chunk up to the total", () => {
    const seen: number[] = [];
    simulatePopulation("pk2cmt_oral", INPUT, { chunkSize: 128, onProgress: (done, total) => seen.push(done / total) });
    expect(seen).toEqual([128 / 300, 256 / 300, 1]);
  });

  it("log-normal, normal and logit-normal ETAs: ln(CL/TV), V − TV and logit(F1) have variance ω² (4 standard errors)", () => {
    const n = 4000;
    const pop = simulatePopulation(
      "pk1cmt_oral",
      {
        regimen: "100 mg",
        times: [1],
        n,
        seed: 5,
        params: { CL: 5, V: 50, F1: 0.7 },
        omega: { CL: 0.09, V: 16, F1: 0.25 },
        distributions: { V: "normal", F1: "logit-normal" },
      },
      { keep: "summary" },
    );
    const { CL, V, F1 } = pop.subjects!.parameters;
    const logit = (p: number) => Math.log(p / (1 - p));
    const cases: [number[], number, number][] = [
      [Array.from(CL, (c) => Math.log(c / 5)), 0, 0.09],
      [Array.from(V, (v) => v - 50), 0, 16],
      [Array.from(F1, (f) => logit(f) - logit(0.7)), 0, 0.25],
    ];
    for (const [x, mean, variance] of cases) {
      const m = meanVariance(x);
      expect(Math.abs(m.mean - mean)).toBeLessThan(4 * Math.sqrt(variance / n));
      expect(Math.abs(m.variance / variance - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    }
    expect(Array.from(F1).every((f) => f > 0 && f < 1)).toBe(true);
  });

  it("THETA uncertainty: each replicate draws its typical values from N(THETA, covariance)", () => {
    const replicates = 3000;
    const pop = simulatePopulation(
      "pk1cmt_iv",
      { regimen: "100 mg", times: [1], n: 2, replicates, seed: 6, params: { CL: 5, V: 50 }, uncertainty: { names: ["CL", "V"], covariance: [[0.25], [0.5, 4]] } },
      { keep: "summary", summaries: { attainment: [{ kind: "concentration", time: 1, atLeast: 1.8 }] } },
    );
    const { CL, V } = pop.subjects!.parameters;
    // Without OMEGA both subjects of a replicate share its THETA.
    for (let r = 0; r < replicates; r++) expect([CL[2 * r + 1], V[2 * r + 1]]).toEqual([CL[2 * r], V[2 * r]]);
    const cl = Array.from({ length: replicates }, (_, r) => CL[2 * r]);
    const v = Array.from({ length: replicates }, (_, r) => V[2 * r]);
    const mc = meanVariance(cl);
    const mv = meanVariance(v);
    expect(Math.abs(mc.mean - 5)).toBeLessThan(4 * Math.sqrt(0.25 / replicates));
    expect(Math.abs(mc.variance / 0.25 - 1)).toBeLessThan(4 * Math.sqrt(2 / replicates));
    expect(Math.abs(mv.variance / 4 - 1)).toBeLessThan(4 * Math.sqrt(2 / replicates));
    const cov = cl.reduce((a, c, r) => a + (c - mc.mean) * (v[r] - mv.mean), 0) / (replicates - 1);
    expect(Math.abs(cov - 0.5)).toBeLessThan(4 * Math.sqrt((0.25 * 4 + 0.25) / replicates));
    // Per-replicate PTA is 0 or 1 here (both subjects alike), pooled PTA their mean.
    const byReplicate = pop.attainment[0].byReplicate[0];
    expect(byReplicate.every((p) => p === 0 || p === 1)).toBe(true);
    expect(pop.attainment[0].probability[0]).toBeCloseTo(byReplicate.reduce((a, b) => a + b, 0) / replicates, 12);
  });
});

describe("percentileBandPlot", () => {
  it("draws outer bands filled to their lower edge and the median as a line, as plain JSON", () => {
    const pop = simulatePopulation("pk2cmt_oral", INPUT, OPTIONS);
    const fig = pop.plot({ log: true });
    expect(fig.data.map((t) => [t.name, t.fill ?? ""])).toEqual([
      ["5–95th percentile", ""],
      ["5–95th percentile", "tonexty"],
      ["25–75th percentile", ""],
      ["25–75th percentile", "tonexty"],
      ["50th percentile", ""],
    ]);
    // On the log axis a value ≤ 0 (DV with additive error near t = 0) is a gap (null).
    expect(fig.data[4].y).toEqual(Array.from(pop.percentiles!.values[2], (v) => (v > 0 ? v : null)));
    expect(fig.layout.yaxis).toMatchObject({ title: { text: "DV (mg/L)" }, type: "log", tickmode: "array" });
    expect(JSON.parse(JSON.stringify(fig))).toEqual(fig);
  });

  it("refuses a quantile list and value series of different lengths", () => {
    expect(() => percentileBandPlot({ times: [0], quantiles: [0.5, 0.9], values: [[1]] })).toThrow(
      "percentileBandPlot: 2 quantiles but 1 value series; give one series per quantile",
    );
  });
});
