import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readDataset } from "../../src/data/index.js";
import { nca, ncaDataset } from "../../src/nca/index.js";

// Theoph subject 1 (datasets/theoph.csv; see theoph.md): oral dose 319.992 mg at time 0,
// 11 samples including a pre-dose 0.74 mg/L at time 0, read here with a plain split.
const csv = readFileSync(resolve(__dirname, "../../../datasets/theoph.csv"), "utf8");
const rows = csv.trim().split("\n").slice(1).map((line) => line.split(","));
const subject1 = rows.filter((r) => r[0] === "1" && r[2] === "0");
const t = subject1.map((r) => Number(r[1]));
const c = subject1.map((r) => Number(r[5]));
const dose = Number(rows.find((r) => r[0] === "1" && r[2] === "1")![3]);

// --- A separate, deliberately plain NCA of one profile (no BLQ, sample at time 0) ---
function reference(logDown: boolean) {
  const imax = c.indexOf(Math.max(...c));
  let auc = 0;
  let aumc = 0;
  for (let i = 0; i + 1 < t.length; i++) {
    const dt = t[i + 1] - t[i];
    if (logDown && c[i + 1] < c[i]) {
      const L = Math.log(c[i + 1] / c[i]);
      auc += (dt * (c[i + 1] - c[i])) / L;
      aumc += (dt * (c[i + 1] * t[i + 1] - c[i] * t[i])) / L - (dt * dt * (c[i + 1] - c[i])) / (L * L);
    } else {
      auc += (dt * (c[i] + c[i + 1])) / 2;
      aumc += (dt * (c[i] * t[i] + c[i + 1] * t[i + 1])) / 2;
    }
  }
  // Every regression on the last n points after Tmax, n ≥ 3; PKNCA's choice among them.
  const fits = [];
  for (let n = 3; n <= t.length - imax - 1; n++) {
    const x = t.slice(-n);
    const y = c.slice(-n).map(Math.log);
    const xm = x.reduce((a, b) => a + b) / n;
    const ym = y.reduce((a, b) => a + b) / n;
    let sxx = 0;
    let sxy = 0;
    let syy = 0;
    x.forEach((xi, i) => {
      sxx += (xi - xm) ** 2;
      sxy += (xi - xm) * (y[i] - ym);
      syy += (y[i] - ym) ** 2;
    });
    const b = sxy / sxx;
    const r2 = (sxy * sxy) / (sxx * syy); // = 1 − SSres/SStot for a straight-line fit
    fits.push({ n, slope: b, intercept: ym - b * xm, r2, adj: 1 - ((1 - r2) * (n - 1)) / (n - 2) });
  }
  const best = Math.max(...fits.map((f) => f.adj));
  const fit = fits.filter((f) => f.slope < 0 && f.adj > best - 1e-4).pop()!;
  const lz = -fit.slope;
  const clast = c[c.length - 1];
  const tlast = t[t.length - 1];
  const aucinf = auc + clast / lz;
  const aumcinf = aumc + (clast * tlast) / lz + clast / lz ** 2;
  return { cmax: c[imax], tmax: t[imax], auc, aumc, fit, lz, aucinf, aumcinf, clast, tlast };
}

describe("NCA of Theoph subject 1", () => {
  const r = nca({ time: t, conc: c, dose });
  const ref = reference(true);

  it("matches PKNCA's published Cmax 10.5 mg/L at Tmax 1.12 h, t½ 14.3 h and AUCinf,obs 214.9 mg·h/L", () => {
    // PKNCA "Introduction and usage" vignette, Theoph subject 1 (printed to these digits).
    expect(r.cmax).toBe(10.5);
    expect(r.tmax).toBe(1.12);
    expect(r["half.life"]).toBeCloseTo(14.3, 1);
    expect(r["aucinf.obs"]).toBeCloseTo(214.9, 1);
  });

  it("matches an independent linear-up/log-down computation", () => {
    expect(r.tlast).toBe(ref.tlast);
    expect(r["clast.obs"]).toBe(ref.clast);
    expect(r.auclast).toBeCloseTo(ref.auc, 10);
    expect(r.aumclast).toBeCloseTo(ref.aumc, 8);
    expect(r["lambda.z.n.points"]).toBe(ref.fit.n);
    expect(r["lambda.z"]).toBeCloseTo(ref.lz, 12);
    expect(r["r.squared"]).toBeCloseTo(ref.fit.r2, 12);
    expect(r["adj.r.squared"]).toBeCloseTo(ref.fit.adj, 12);
    expect(r["half.life"]).toBeCloseTo(Math.LN2 / ref.lz, 10);
    expect(r["clast.pred"]).toBeCloseTo(Math.exp(ref.fit.intercept + ref.fit.slope * ref.tlast), 12);
    expect(r["aucinf.obs"]).toBeCloseTo(ref.aucinf, 10);
    expect(r["aucpext.obs"]).toBeCloseTo(100 * (1 - ref.auc / ref.aucinf), 10);
    expect(r["cl.obs"]).toBeCloseTo(dose / ref.aucinf, 12);
    expect(r["vz.obs"]).toBeCloseTo(dose / ref.aucinf / ref.lz, 10);
    expect(r["mrt.last"]).toBeCloseTo(ref.aumc / ref.auc, 10);
    expect(r["mrt.obs"]).toBeCloseTo(ref.aumcinf / ref.aucinf, 10);
  });

  it("matches an independent linear-trapezoid computation", () => {
    const lin = reference(false);
    const rl = nca({ time: t, conc: c, dose }, { aucMethod: "linear" });
    expect(rl.auclast).toBeCloseTo(lin.auc, 10);
    expect(rl["aucinf.obs"]).toBeCloseTo(lin.aucinf, 10);
    expect(rl.auclast).toBeGreaterThan(r.auclast); // straight chords lie above a convex decline
  });

  it("AUC to 12.12 h (the last sample within 0–24 h) is PKNCA's published 0–24 AUClast, about 92.4", () => {
    // PKNCA's 0–24 interval leaves out the 24.37 h sample, so its AUClast ends at 12.12 h.
    const p = nca({ time: t, conc: c, dose }, { partialAuc: [[0, 12.12]] }).partialAuc[0];
    expect(p["aucint.last"]).toBeCloseTo(92.36, 1);
  });

  it("is the same through ncaDataset, which takes the dose from the EVID=1 row", () => {
    const all = ncaDataset(readDataset(csv));
    expect(all.map((s) => s.ID)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(all[0].dose).toBe(319.992);
    expect(all[0].auclast).toBeCloseTo(ref.auc, 10);
    expect(all[0]["cl.obs"]).toBeCloseTo(r["cl.obs"], 12);
    // PKNCA vignette, subject 2: Cmax 8.33 at 1.92 h, t½ 6.66 h, AUCinf,obs 97.4
    expect([all[1].cmax, all[1].tmax]).toEqual([8.33, 1.92]);
    expect(all[1]["half.life"]).toBeCloseTo(6.66, 2);
    expect(all[1]["aucinf.obs"]).toBeCloseTo(97.4, 1);
  });
});
