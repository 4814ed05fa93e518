import { describe, expect, it } from "vitest";
import { vpcPlot, type VpcBandTrace, type VpcFigure } from "../../src/plot/index.js";

/**
 * Bins [0, 3) and [3, 6]. Bin 0: DVs 10, 8, 6, 4, 2 at t = 1, 1, 2, 2, 2 (mean time 1.6);
 * bin 1: DVs 3, 1, 2 at t = 4, 5, 6 (the last edge belongs to the last bin; mean time 5);
 * a missing DV (NaN) at t = 4 is left out.
 */
const observed = { time: [1, 1, 2, 2, 2, 4, 4, 5, 6], dv: [10, 8, 6, 4, 2, 3, NaN, 1, 2] };
/**
 * Type-7 percentiles by hand, h = (n − 1)·p on the sorted values:
 * bin 0, sorted 2 4 6 8 10: P5 h = 0.2 → 2 + 0.2·2 = 2.4; P50 h = 2 → 6; P95 h = 3.8 → 8 + 0.8·2 = 9.6.
 * bin 1, sorted 1 2 3: P5 h = 0.1 → 1.1; P50 h = 1 → 2; P95 h = 1.9 → 2 + 0.9·1 = 2.9.
 */
const observedPercentiles = [
  [2.4, 1.1],
  [6, 2],
  [9.6, 2.9],
];
/** Replicate r simulates (r + 1) × the observed values, so its percentiles are (r + 1) × the observed ones. */
const replicates = [1, 2, 3].map((f) => observed.dv.map((v) => (Number.isNaN(v) ? 99 : f * v)));

const trace = (fig: VpcFigure, name: string) => {
  const found = fig.data.find((t) => t.name === name);
  if (!found) throw new Error(`no trace ${name}; traces: ${fig.data.map((t) => t.name).join(", ")}`);
  return found;
};

describe("vpcPlot", () => {
  const fig = vpcPlot(observed, { dv: replicates }, { bins: [0, 3, 6], units: { time: "h", dv: "mg/L" } });

  it("draws the observed 5th, 50th and 95th percentiles of each bin at the bin's mean time", () => {
    ["P5", "P50", "P95"].forEach((name, k) => {
      const line = trace(fig, `observed ${name}`);
      expect(line.x).toEqual([1.6, 5]);
      line.y.forEach((y, b) => expect(y).toBeCloseTo(observedPercentiles[k][b], 12));
    });
  });

  it("bands each percentile by the 5th–95th percentile of its replicate values: 1.1× to 2.9× the observed one here", () => {
    // Replicate values of a percentile are q, 2q, 3q: type 7 at 0.05 gives 1.1q, at 0.95 gives 2.9q.
    ["P5", "P50", "P95"].forEach((name, k) => {
      const band = trace(fig, `simulated ${name} (90% CI)`) as VpcBandTrace;
      expect(band.fill).toBe("toself");
      expect(band.x).toEqual([1.6, 5, 5, 1.6]);
      const [q0, q1] = observedPercentiles[k];
      [2.9 * q0, 2.9 * q1, 1.1 * q1, 1.1 * q0].forEach((y, i) => expect(band.y[i]).toBeCloseTo(y, 12));
    });
  });

  it("shows the observations without the missing DV, titles with units, and is plain JSON", () => {
    expect(trace(fig, "observations").x).toEqual([1, 1, 2, 2, 2, 4, 5, 6]);
    expect(fig.layout.xaxis.title).toEqual({ text: "time (h)" });
    expect(fig.layout.yaxis.title).toEqual({ text: "DV (mg/L)" });
    expect(JSON.parse(JSON.stringify(fig))).toEqual(fig);
  });

  it("puts quantile bin edges at the quantiles of the observed times", () => {
    // Times 0…8, two bins: edges at the 0, 0.5, 1 quantiles = 0, 4, 8; bins {0,1,2,3} and {4,…,8}.
    const times = [0, 1, 2, 3, 4, 5, 6, 7, 8];
    const quantileFig = vpcPlot({ time: times, dv: times.map((t) => 10 - t) }, { dv: [times.map((t) => 10 - t)] }, { bins: { count: 2 }, points: false });
    const median = trace(quantileFig, "observed P50");
    expect(median.x).toEqual([1.5, 6]);
    expect(median.y).toEqual([8.5, 4]);
    expect(quantileFig.data.some((t) => t.name === "observations")).toBe(false);
  });

  it("accepts replicate percentiles computed elsewhere, per replicate, bin and percentile", () => {
    // Two bins, five replicates whose P50 in bin 0 is 1…5: the 5th–95th band is 1.2 to 4.8.
    const quantiles = [1, 2, 3, 4, 5].map((v) => [
      [v / 2, v, 2 * v],
      [0, 1, 2],
    ]);
    const given = vpcPlot(observed, { quantiles }, { bins: [0, 3, 6] });
    const band = trace(given, "simulated P50 (90% CI)");
    // Upper edge forwards, lower edge backwards: y = [upper bin 0, upper bin 1, lower bin 1, lower bin 0].
    expect(band.y[0]).toBeCloseTo(4.8, 12);
    expect(band.y[3]).toBeCloseTo(1.2, 12);
    expect(band.y[1]).toBe(1);
  });
});

describe("vpcPlot errors", () => {
  it("rejects an observation outside explicit bins", () => {
    expect(() => vpcPlot(observed, { dv: replicates }, { bins: [0, 3, 5] })).toThrow("vpcPlot: observation 8 at time 6 is outside the bins [0, 5]");
  });

  it("rejects bin edges that do not increase", () => {
    expect(() => vpcPlot(observed, { dv: replicates }, { bins: [0, 3, 3, 6] })).toThrow("vpcPlot: bin edges must be finite and increasing; got [0, 3, 3, 6]");
  });

  it("rejects a replicate whose length is not the observed data's", () => {
    expect(() => vpcPlot(observed, { dv: [replicates[0], [1, 2]] }, { bins: [0, 6] })).toThrow("vpcPlot: simulated replicate 1 has 2 values, the observed data 9");
  });

  it("rejects replicate percentiles that lack a bin", () => {
    expect(() => vpcPlot(observed, { quantiles: [[[1, 2, 3]]] }, { bins: [0, 3, 6] })).toThrow(
      "vpcPlot: simulated quantiles of replicate 0 lack bin 1 percentile 0 (2 bins × 3 percentiles expected)",
    );
  });

  it("rejects a percentile that is not a fraction", () => {
    expect(() => vpcPlot(observed, { dv: replicates }, { percentiles: [5, 50, 95] })).toThrow("vpcPlot: percentile 5 is not a fraction between 0 and 1");
  });

  it("rejects an observation without a finite time", () => {
    expect(() => vpcPlot({ time: [0, NaN], dv: [1, 2] }, { dv: [[1, 2]] })).toThrow("vpcPlot: observed.time[1] is NaN; every observation needs a finite time");
  });
});
