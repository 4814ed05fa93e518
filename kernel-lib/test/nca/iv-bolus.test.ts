import { describe, expect, it } from "vitest";
import { nca } from "../../src/nca/index.js";

// One-compartment IV bolus: C = (dose/V)·exp(−k t), dose 100, V 10, k 0.5.
const k = 0.5;
const time = [1, 2, 4, 8];
const conc = time.map((t) => 10 * Math.exp(-k * t));

describe("IV bolus", () => {
  it("back-extrapolates C0 log-linearly from the first two samples", () => {
    const r = nca({ time, conc, dose: 100, route: "iv-bolus" });
    expect(r.c0).toBeCloseTo(10, 12);
    expect(r.notes.join()).toMatch(/"logslope"/);
  });

  it("includes the C0 segment, so the log-down areas integrate the exponential exactly", () => {
    const r = nca({ time, conc, dose: 100, route: "iv-bolus" });
    expect(r.auclast).toBeCloseTo((10 / k) * (1 - Math.exp(-8 * k)), 12);
    expect(r["lambda.z"]).toBeCloseTo(k, 12);
    expect(r["aucinf.obs"]).toBeCloseTo(10 / k, 12);
    expect(r["cl.obs"]).toBeCloseTo(100 / (10 / k), 12); // CL = V·k = 5
    expect(r["vz.obs"]).toBeCloseTo(10, 10); // Vz = CL/λz = V
    expect(r["mrt.obs"]).toBeCloseTo(1 / k, 10); // MRT of a mono-exponential = 1/k
    expect(r["mrt.iv.obs"]).toBeCloseTo(1 / k, 10);
  });

  it("replaces a zero pre-dose sample at the dose time by C0", () => {
    const r = nca({ time: [0, ...time], conc: [0, ...conc], route: "iv-bolus" });
    expect(r.c0).toBeCloseTo(10, 12);
    expect(r.auclast).toBeCloseTo((10 / k) * (1 - Math.exp(-8 * k)), 12);
  });

  it("uses a positive sample at the dose time as C0 as measured", () => {
    const r = nca({ time: [0, ...time], conc: [12, ...conc], route: "iv-bolus" });
    expect(r.c0).toBe(12);
    expect(r.notes.join()).toMatch(/"c0"/);
  });

  it("takes the first sample as C0 when the first two do not decline", () => {
    const r = nca({ time: [1, 2, 4, 6], conc: [5, 6, 3, 1.5], route: "iv-bolus" }, { aucMethod: "linear" });
    expect(r.c0).toBe(5);
    expect(r.auclast).toBeCloseTo(5 * 1 + 5.5 + 9 + 4.5, 12); // 0→1 flat at 5, then trapezoids
  });

  it("without the iv-bolus route the same samples start at an imputed 0 at the dose", () => {
    const r = nca({ time, conc });
    expect(r.c0).toBeNaN();
    expect(r.notes).toContain("concentration 0 added at the dose time (start_conc0)");
    expect(r.auclast).toBeCloseTo((1 * conc[0]) / 2 + (10 / k) * (Math.exp(-k) - Math.exp(-8 * k)), 12);
  });
});

describe("IV infusion", () => {
  it("subtracts half the infusion duration for mrt.iv.*", () => {
    const r = nca({ time: [0, 1, 2, 3, 5, 8], conc: [0, 4, 6, 5, 3, 1.5], route: "iv-infusion", duration: 2 });
    expect(r["mrt.iv.last"]).toBeCloseTo(r["mrt.last"] - 1, 12);
    expect(r["mrt.iv.obs"]).toBeCloseTo(r["mrt.obs"] - 1, 12);
  });

  it("keeps samples during the infusion out of λz even when Tmax is allowed in", () => {
    const r = nca({ time: [0, 1, 2, 3, 4], conc: [0, 8, 4, 2, 1], route: "iv-infusion", duration: 1.5 }, { allowTmaxInHalfLife: true });
    expect(r["lambda.z.time.first"]).toBe(2);
  });
});
