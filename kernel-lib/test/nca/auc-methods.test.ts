import { describe, expect, it } from "vitest";
import { nca } from "../../src/nca/index.js";

// Every expected area is written out segment by segment: linear (dt)(c1 + c2)/2, log (dt)(c2 − c1)/ln(c2/c1).
const time = [0, 1, 2, 4, 6, 8];
const conc = [0, 6, 8, 4, 5, 2];
const lin = (t1: number, c1: number, t2: number, c2: number) => ((t2 - t1) * (c1 + c2)) / 2;
const log = (t1: number, c1: number, t2: number, c2: number) => ((t2 - t1) * (c2 - c1)) / Math.log(c2 / c1);

describe("AUC trapezoid rules", () => {
  it("linear: the sum of straight-line trapezoids, 3 + 7 + 12 + 9 + 7 = 38", () => {
    expect(nca({ time, conc }, { aucMethod: "linear" }).auclast).toBeCloseTo(3 + 7 + 12 + 9 + 7, 12);
  });

  it("linear-up/log-down (the default): log trapezoids only where the concentration falls", () => {
    const expected = lin(0, 0, 1, 6) + lin(1, 6, 2, 8) + log(2, 8, 4, 4) + lin(4, 4, 6, 5) + log(6, 5, 8, 2);
    expect(nca({ time, conc }).auclast).toBeCloseTo(expected, 12);
    expect(nca({ time, conc }, { aucMethod: "lin up/log down" }).auclast).toBeCloseTo(expected, 12);
    // 8/ln 2 for the 2→4 halving, by hand
    expect(log(2, 8, 4, 4)).toBeCloseTo(8 / Math.LN2, 12);
  });

  it("log: log trapezoids wherever both ends are positive, linear from the zero at the dose", () => {
    const expected = lin(0, 0, 1, 6) + log(1, 6, 2, 8) + log(2, 8, 4, 4) + log(4, 4, 6, 5) + log(6, 5, 8, 2);
    expect(nca({ time, conc }, { aucMethod: "log" }).auclast).toBeCloseTo(expected, 12);
  });

  it("lin-log: linear up to Tmax (t = 2), log after it even where the concentration rises", () => {
    const expected = lin(0, 0, 1, 6) + lin(1, 6, 2, 8) + log(2, 8, 4, 4) + log(4, 4, 6, 5) + log(6, 5, 8, 2);
    expect(nca({ time, conc }, { aucMethod: "lin-log" }).auclast).toBeCloseTo(expected, 12);
  });

  it("a flat segment is a rectangle in every method", () => {
    for (const aucMethod of ["linear", "log", "linear-up/log-down", "lin-log"] as const) {
      expect(nca({ time: [0, 1, 3, 5], conc: [0, 4, 4, 4] }, { aucMethod }).auclast).toBeCloseTo(2 + 8 + 8, 12);
    }
  });

  it("aumclast sums (dt)(c1·t1 + c2·t2)/2 with the linear rule", () => {
    const aumc = [[0, 0, 1, 6], [1, 6, 2, 8], [2, 8, 4, 4], [4, 4, 6, 5], [6, 5, 8, 2]]
      .map(([t1, c1, t2, c2]) => ((t2 - t1) * (c1 * t1 + c2 * t2)) / 2)
      .reduce((a, b) => a + b);
    expect(aumc).toBe(3 + 11 + 32 + 46 + 46);
    expect(nca({ time, conc }, { aucMethod: "linear" }).aumclast).toBeCloseTo(aumc, 12);
  });

  it("the log AUMC segment is the exact ∫ t·C dt of the exponential between the samples", () => {
    // C = 8·exp(−k(t − 2)) from t = 2 to 4 with k = ln 2/2; ∫ t C dt by parts.
    const k = Math.LN2 / 2;
    const F = (t: number) => -(8 / k) * Math.exp(-k * (t - 2)) * (t + 1 / k);
    const r = nca({ time: [0, 2, 4], conc: [0, 8, 4] });
    expect(r.aumclast - lin(0, 0, 2, 8 * 2) /* linear up: (2)(0 + 16)/2 */).toBeCloseTo(F(4) - F(2), 10);
  });

  it("AUClast stops at the last positive sample; AUCall adds the linear triangle down to the next BLQ", () => {
    const r = nca({ time: [0, 1, 2, 4, 6], conc: [0, 6, 3, 0, 0] });
    expect(r.tlast).toBe(2);
    expect(r.auclast).toBeCloseTo(3 + 3 / Math.LN2, 12);
    expect(r.aucall).toBeCloseTo(3 + 3 / Math.LN2 + (2 * 3) / 2, 12);
  });
});
