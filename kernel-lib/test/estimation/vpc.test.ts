import { describe, expect, it } from "vitest";
import { readDataset } from "../../src/data/index.js";
import { predictionCorrect, vpc } from "../../src/estimation/index.js";

// Two subjects, IV bolus 100 and 200 mg, 1-compartment (CL 5 L/h, V 50 L: k = 0.1 /h), sampled at
// differing times. Without variability the simulations are the closed form C = D/V·e^(−k·t).
const csv = `ID,TIME,EVID,AMT,CMT,DV,MDV
1,0,1,100,1,.,1
1,1,0,0,1,1.9,0
1,2,0,0,1,1.5,0
1,6,0,0,1,1.2,0
1,9,0,0,1,0.7,0
2,0,1,200,1,.,1
2,1.5,0,0,1,3.9,0
2,2.5,0,0,1,2.6,0
2,5,0,0,1,2.5,0
2,8,0,0,1,1.6,0
`;
const data = readDataset(csv);
const exact = (dose: number, t: number) => (dose / 50) * Math.exp(-0.1 * t);
const noVariability = { theta: { CL: 5, V: 50 }, omega: { CL: 0 }, sigma: { additive: 0 } };

describe("predictionCorrect (Bergstrand et al. 2011, eq. 1)", () => {
  it("scales each value by the bin's median PRED over its own PRED (hand-computed)", () => {
    // Bin 0: PRED 1 and 3, median 2 → 2·2/1 = 4, 6·2/3 = 4. Bin 1: PRED 0.5, 1, 4, median 1 → 1/0.5 = 2, 3/1 = 3, 10/4 = 2.5.
    expect(Array.from(predictionCorrect([2, 6, 1, 3, 10], [1, 3, 0.5, 1, 4], [0, 0, 1, 1, 1]))).toEqual([4, 4, 2, 3, 2.5]);
  });

  it("with a lower bound lb: lb + (y − lb)·(PRED̃ − lb)/(PRED − lb) (hand-computed)", () => {
    // lb 0.2, bin median 2: 0.2 + 1.8·1.8/0.8 = 4.25 and 0.2 + 5.8·1.8/2.8 = 3.928571…
    const corrected = predictionCorrect([2, 6], [1, 3], [0, 0], 0.2);
    expect(corrected[0]).toBeCloseTo(4.25, 12);
    expect(corrected[1]).toBeCloseTo(0.2 + (5.8 * 1.8) / 2.8, 12);
  });

  it("names the row whose PRED is not above the lower bound", () => {
    expect(() => predictionCorrect([1, 2], [1, 0], [0, 0])).toThrow(/PRED of row 1 is 0/);
  });
});

describe("vpc on observed data with differing sampling times", () => {
  it("bins by user edges; observed min/median/max per bin and, without variability, simulated percentiles equal the closed-form predictions' (hand-computed)", () => {
    const check = vpc("pk1cmt_iv", data, noVariability, { replicates: 20, bins: [0, 3, 10], percentiles: [0, 0.5, 1] });
    expect(check.bins.map((b) => [b.lower, b.upper, b.count])).toEqual([[0, 3, 4], [3, 10, 4]]);
    expect(check.bins[0].time).toBeCloseTo((1 + 2 + 1.5 + 2.5) / 4, 12);
    // Bin 0 observed: 1.5, 1.9, 2.6, 3.9 → min 1.5, median (1.9 + 2.6)/2, max 3.9.
    expect(check.bins[0].observed).toEqual([1.5, 2.25, 3.9]);
    // Bin 1 observed: 0.7, 1.2, 1.6, 2.5.
    expect(check.bins[1].observed[1]).toBeCloseTo(1.4, 12);
    const bin0 = [exact(100, 1), exact(100, 2), exact(200, 1.5), exact(200, 2.5)].sort((a, b) => a - b);
    const [low, mid, high] = check.bins[0].simulated;
    for (const [value, expected] of [[low, bin0[0]], [mid, (bin0[1] + bin0[2]) / 2], [high, bin0[3]]] as const) {
      // Every replicate is the same: the interval collapses onto the value.
      expect(value[0]).toBeCloseTo(expected, 8);
      expect(value[1]).toBeCloseTo(expected, 8);
      expect(value[2]).toBeCloseTo(expected, 8);
    }
  });

  it("bins by quantiles of the observed times: { count: 2 } splits at the median time (type 7)", () => {
    // Times 1, 1.5, 2, 2.5, 5, 6, 8, 9: quantiles 0, ½, 1 → 1, (2.5 + 5)/2 = 3.75, 9.
    const check = vpc("pk1cmt_iv", data, noVariability, { replicates: 10, bins: { count: 2 } });
    expect(check.bins.map((b) => [b.lower, b.upper, b.count])).toEqual([[1, 3.75, 4], [3.75, 9, 4]]);
  });

  it("prediction-corrected: observations are corrected by median PRED/PRED and the corrected simulations of a model without variability are flat at the bin's median PRED", () => {
    const check = vpc("pk1cmt_iv", data, noVariability, { replicates: 10, bins: [0, 3, 10], percentiles: [0, 0.5, 1], predictionCorrected: true });
    const pred0 = [exact(100, 1), exact(100, 2), exact(200, 1.5), exact(200, 2.5)];
    const median0 = [...pred0].sort((a, b) => a - b).slice(1, 3).reduce((s, x) => s + x / 2, 0);
    const corrected0 = [1.9, 1.5, 3.9, 2.6].map((y, i) => (y * median0) / pred0[i]).sort((a, b) => a - b);
    expect(check.bins[0].observed[0]).toBeCloseTo(corrected0[0], 10);
    expect(check.bins[0].observed[1]).toBeCloseTo((corrected0[1] + corrected0[2]) / 2, 10);
    expect(check.bins[0].observed[2]).toBeCloseTo(corrected0[3], 10);
    for (const interval of check.bins[0].simulated) for (const value of interval) expect(value).toBeCloseTo(median0, 10);
    expect(check.predictionCorrected).toBe(true);
  });

  it("a pcVPC leaves out (and counts) observations whose PRED is 0, here one before the dose; a plain VPC keeps them", () => {
    const withPredose = readDataset(csv.replace("1,0,1,100,1,.,1\n", "1,0,0,0,1,0.05,0\n1,0,1,100,1,.,1\n"));
    const pc = vpc("pk1cmt_iv", withPredose, noVariability, { replicates: 5, bins: [0, 3, 10], percentiles: [0, 0.5, 1], predictionCorrected: true });
    expect(pc.excluded).toBe(1);
    expect(pc.bins[0].count).toBe(4);
    expect(pc.plot().layout.title?.text ?? "").toMatch(/1 observations with PRED ≤ 0 left out/);
    const plain = vpc("pk1cmt_iv", withPredose, noVariability, { replicates: 5, bins: [0, 3, 10] });
    expect(plain.excluded).toBe(0);
    expect(plain.bins[0].count).toBe(5);
  });

  it("with variability, the simulated median's interval covers the typical prediction and the plot has bands and observed lines per percentile", () => {
    const check = vpc("pk1cmt_iv", data, { theta: { CL: 5, V: 50 }, omega: { CL: 0.09, V: 0.04 }, sigma: { proportional: 0.01 } }, { replicates: 200, bins: [0, 3, 10], seed: 3 });
    const [low, , high] = check.bins[1].simulated[1];
    expect(low).toBeLessThan(high);
    const fig = check.plot();
    expect(fig.data.filter((t) => t.fill === "toself")).toHaveLength(3);
    expect(fig.data.filter((t) => t.name?.startsWith("observed P"))).toHaveLength(3);
  });

  it("names the problem: an observation outside the user's bins, replicates that are not a whole number", () => {
    expect(() => vpc("pk1cmt_iv", data, noVariability, { replicates: 5, bins: [0, 3, 8] })).toThrow(/time 9 is outside the bins/);
    expect(() => vpc("pk1cmt_iv", data, noVariability, { replicates: 2.5 })).toThrow(/replicates = 2.5/);
  });
});
