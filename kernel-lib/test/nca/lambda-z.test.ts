import { describe, expect, it } from "vitest";
import { nca } from "../../src/nca/index.js";

/** Ordinary least squares of y on t, written out: slope = Σ(t − t̄)(y − ȳ) / Σ(t − t̄)². */
function leastSquares(t: number[], y: number[]) {
  const n = t.length;
  const tm = t.reduce((a, b) => a + b) / n;
  const ym = y.reduce((a, b) => a + b) / n;
  const slope = t.reduce((s, ti, i) => s + (ti - tm) * (y[i] - ym), 0) / t.reduce((s, ti) => s + (ti - tm) ** 2, 0);
  const intercept = ym - slope * tm;
  const ssRes = t.reduce((s, ti, i) => s + (y[i] - intercept - slope * ti) ** 2, 0);
  const ssTot = y.reduce((s, yi) => s + (yi - ym) ** 2, 0);
  const r2 = 1 - ssRes / ssTot;
  return { slope, intercept, r2, adjR2: 1 - ((1 - r2) * (n - 1)) / (n - 2) };
}

describe("λz", () => {
  it("equals minus the least-squares slope of ln C on t over the points the selection rule picks", () => {
    const time = [0, 0.5, 1, 2, 3, 5, 7, 10];
    const conc = [0, 5, 9, 7.4, 6.3, 4.1, 3.2, 1.9];
    // The rule, applied by hand: fit the last n points after Tmax (t = 1) for n = 3 … 5;
    // keep fits with a negative slope and adjusted R² above (best − 1e-4); take the most points.
    const candidates = [3, 4, 5].map((n) => ({ n, ...leastSquares(time.slice(-n), conc.slice(-n).map(Math.log)) }));
    const best = Math.max(...candidates.map((c) => c.adjR2));
    const chosen = candidates.filter((c) => c.slope < 0 && c.adjR2 > best - 1e-4).pop()!;
    const r = nca({ time, conc });
    expect(r["lambda.z.n.points"]).toBe(chosen.n);
    expect(r["lambda.z"]).toBeCloseTo(-chosen.slope, 12);
    expect(r["r.squared"]).toBeCloseTo(chosen.r2, 12);
    expect(r["adj.r.squared"]).toBeCloseTo(chosen.adjR2, 12);
    expect(r["half.life"]).toBeCloseTo(Math.LN2 / -chosen.slope, 10);
    expect(r["clast.pred"]).toBeCloseTo(Math.exp(chosen.intercept + chosen.slope * 10), 12);
    expect(r["lambda.z.time.first"]).toBe(time[time.length - chosen.n]);
    expect(r["lambda.z.time.last"]).toBe(10);
    expect(r["span.ratio"]).toBeCloseTo((10 - time[time.length - chosen.n]) / r["half.life"], 12);
  });

  it("a mono-exponential decline gives λz = k exactly and AUCinf = AUClast + Clast/λz", () => {
    const k = 0.3;
    const time = [0, 1, 2, 4, 6, 8, 12];
    const conc = time.map((t) => (t === 0 ? 0 : 10 * Math.exp(-k * t) * (t === 1 ? 1.5 : 1)));
    const r = nca({ time, conc });
    expect(r["lambda.z"]).toBeCloseTo(k, 12);
    expect(r["lambda.z.n.points"]).toBe(5); // every point after Tmax (t = 1) lies on the line
    expect(r["aucinf.obs"]).toBeCloseTo(r.auclast + conc[6] / k, 10);
    expect(r["aucpext.obs"]).toBeCloseTo(100 * (1 - r.auclast / r["aucinf.obs"]), 12);
  });

  describe("the adjusted-R² tolerance (adjRSquaredFactor, 1e-4)", () => {
    // After Tmax (t = 1): the last three points halve every 2 h exactly (adjusted R² = 1); the
    // point at t = 2 sits a little above the line (16 would be on it).
    const profile = (c2: number) => ({ time: [0, 1, 2, 4, 6, 8], conc: [0, 20, c2, 8, 4, 2] });
    const adj4 = (c2: number) => leastSquares([2, 4, 6, 8], [c2, 8, 4, 2].map(Math.log)).adjR2;

    it("takes the 4-point fit when its adjusted R² is within 1e-4 of the best (3-point) one", () => {
      expect(1 - adj4(16.2)).toBeLessThan(1e-4);
      const r = nca(profile(16.2));
      expect(r["lambda.z.n.points"]).toBe(4);
      expect(r["lambda.z"]).toBeCloseTo(-leastSquares([2, 4, 6, 8], [16.2, 8, 4, 2].map(Math.log)).slope, 12);
    });

    it("keeps the 3-point fit when the 4-point one is further than 1e-4 below it", () => {
      expect(1 - adj4(16.5)).toBeGreaterThan(1e-4);
      const r = nca(profile(16.5));
      expect(r["lambda.z.n.points"]).toBe(3);
      expect(r["lambda.z"]).toBeCloseTo(Math.LN2 / 2, 12);
      expect(r["adj.r.squared"]).toBeCloseTo(1, 12);
    });

    it("a wider tolerance lets the 4-point fit back in", () => {
      expect(nca(profile(16.5), { adjRSquaredFactor: 1e-3 })["lambda.z.n.points"]).toBe(4);
    });
  });

  it("excludes Tmax by default and includes it with allowTmaxInHalfLife", () => {
    const p = { time: [0, 1, 2, 3, 4], conc: [0, 8, 4, 2, 1] };
    expect(nca(p)["lambda.z.time.first"]).toBe(2);
    expect(nca(p, { allowTmaxInHalfLife: true })["lambda.z.time.first"]).toBe(1);
    expect(nca(p, { allowTmaxInHalfLife: true })["lambda.z.n.points"]).toBe(4);
  });

  it("is NaN with a reason, not an error, when fewer than 3 points follow Tmax", () => {
    const r = nca({ time: [0, 1, 2, 3], conc: [0, 4, 8, 6], dose: 10 });
    for (const name of ["lambda.z", "half.life", "aucinf.obs", "cl.obs", "vz.obs", "mrt.obs", "aucpext.obs"] as const) {
      expect(r[name]).toBeNaN();
    }
    expect(r.auclast).toBeGreaterThan(0);
    expect(r.exclude["lambda.z"]).toMatch(/too few points for λz: 1 positive concentration\(s\) after Tmax, 3 needed/);
  });

  it("is NaN with a reason when the terminal concentrations rise (no λz > 0)", () => {
    const r = nca({ time: [0, 1, 2, 3, 4], conc: [0, 9, 2, 3, 4] });
    expect(r["lambda.z"]).toBeNaN();
    expect(r.exclude["lambda.z"]).toMatch(/no terminal phase/);
  });

  it("honours minHlPoints", () => {
    const p = { time: [0, 1, 2, 3, 4, 5], conc: [0, 9, 8.5, 4, 2, 1] }; // the last three halve exactly
    expect(nca(p)["lambda.z.n.points"]).toBe(3);
    expect(nca(p, { minHlPoints: 4 })["lambda.z.n.points"]).toBe(4);
    expect(nca(p, { minHlPoints: 5 })["lambda.z"]).toBeNaN();
  });
});
