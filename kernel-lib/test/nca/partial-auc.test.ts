import { describe, expect, it } from "vitest";
import { nca } from "../../src/nca/index.js";

const lin = (t1: number, c1: number, t2: number, c2: number) => ((t2 - t1) * (c1 + c2)) / 2;
const log = (t1: number, c1: number, t2: number, c2: number) => ((t2 - t1) * (c2 - c1)) / Math.log(c2 / c1);

// Tmax 2; the last three samples halve every 4 h, so λz = ln 2/4 exactly.
const subject = { time: [0, 1, 2, 4, 8, 12], conc: [0, 6, 8, 4, 2, 1] };
const partial = (start: number, end: number, aucMethod: "linear" | "linear-up/log-down" = "linear-up/log-down") =>
  nca(subject, { partialAuc: [[start, end]], aucMethod }).partialAuc[0];

describe("partial AUC (aucint)", () => {
  it("interpolates linearly inside a rising segment and log-linearly inside a falling one", () => {
    const c05 = 3; // halfway up the straight line 0 → 6
    const c3 = 8 * Math.pow(4 / 8, 0.5); // halfway along the exponential 8 → 4
    const expected = lin(0.5, c05, 1, 6) + lin(1, 6, 2, 8) + log(2, 8, 3, c3);
    expect(partial(0.5, 3)["aucint.last"]).toBeCloseTo(expected, 12);
  });

  it("interpolates linearly everywhere with the linear method", () => {
    expect(partial(0.5, 3, "linear")["aucint.last"]).toBeCloseTo(lin(0.5, 3, 1, 6) + lin(1, 6, 2, 8) + lin(2, 8, 3, 6), 12);
  });

  it("over [first sample, Tlast] equals AUClast, and adjacent intervals add up", () => {
    const r = nca(subject, { partialAuc: [[0, 12], [0, 3], [3, 12]] });
    expect(r.partialAuc[0]["aucint.last"]).toBeCloseTo(r.auclast, 12);
    expect(r.partialAuc[1]["aucint.last"] + r.partialAuc[2]["aucint.last"]).toBeCloseTo(r.auclast, 12);
  });

  it("after Tlast adds nothing (aucint.last) or the λz extrapolation from Clast,obs (aucint.inf.obs)", () => {
    const k = Math.LN2 / 4;
    const p = partial(8, 20);
    expect(p["aucint.last"]).toBeCloseTo(log(8, 2, 12, 1), 12);
    expect(p["aucint.inf.obs"]).toBeCloseTo(log(8, 2, 12, 1) + (1 / k) * (1 - Math.exp(-k * 8)), 12);
    expect(partial(14, 16)["aucint.inf.obs"]).toBeCloseTo((1 / k) * (Math.exp(-k * 2) - Math.exp(-k * 4)), 12);
  });

  it("to infinity equals AUCinf,obs", () => {
    const r = nca(subject, { partialAuc: [[0, Infinity]] });
    expect(r.partialAuc[0]["aucint.inf.obs"]).toBeCloseTo(r["aucinf.obs"], 12);
    expect(r.partialAuc[0]["aucint.last"]).toBeCloseTo(r.auclast, 12);
  });

  it("is NaN when it starts before the first sample", () => {
    const r = nca({ time: [1, 2, 4], conc: [5, 4, 2] }, { impute: "none", partialAuc: [[0, 2]] });
    expect(r.partialAuc[0]["aucint.last"]).toBeNaN();
  });
});
