import { describe, expect, it } from "vitest";
import { bioequivalence, NcaError, type CrossoverObservation } from "../../src/nca/index.js";

/** A seeded 2×2 crossover: ln y = μ + subject + period + formulation + noise. */
function crossover(nTR: number, nRT: number, seed = 12345): CrossoverObservation[] {
  let s = seed;
  const uniform = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const normal = () => Math.sqrt(-2 * Math.log(uniform() + 1e-12)) * Math.cos(2 * Math.PI * uniform());
  const rows: CrossoverObservation[] = [];
  for (let i = 0; i < nTR + nRT; i++) {
    const sequence = i < nTR ? ["T", "R"] : ["R", "T"];
    const subject = 0.3 * normal();
    sequence.forEach((treatment, p) => {
      const ln = Math.log(100) + subject + (p === 1 ? 0.05 : 0) + (treatment === "T" ? -0.04 : 0) + 0.15 * normal();
      rows.push({ subject: `S${i + 1}`, period: p + 1, treatment, value: Math.exp(ln) });
    });
  }
  return rows;
}

/**
 * The same analysis done independently as the full fixed-effects ANOVA model, by least squares:
 * ln y = intercept + subject dummies (sequence nested in subject) + period + formulation.
 */
function leastSquares(rows: CrossoverObservation[]): { effect: number; se: number; mse: number; df: number } {
  const subjects = [...new Set(rows.map((r) => r.subject))];
  const p = 1 + (subjects.length - 1) + 2;
  const X = rows.map((r) => {
    const x = new Array<number>(p).fill(0);
    x[0] = 1;
    const i = subjects.indexOf(r.subject);
    if (i > 0) x[i] = 1;
    x[p - 2] = r.period === 2 ? 1 : 0;
    x[p - 1] = r.treatment === "T" ? 1 : 0;
    return x;
  });
  const y = rows.map((r) => Math.log(r.value));
  const xtx = Array.from({ length: p }, (_, a) => Array.from({ length: p }, (_, b) => X.reduce((s, x) => s + x[a] * x[b], 0)));
  const xty = Array.from({ length: p }, (_, a) => X.reduce((s, x, r) => s + x[a] * y[r], 0));
  const inv = invert(xtx);
  const beta = inv.map((row) => row.reduce((s, v, b) => s + v * xty[b], 0));
  const rss = X.reduce((s, x, r) => s + (y[r] - x.reduce((f, v, b) => f + v * beta[b], 0)) ** 2, 0);
  const df = rows.length - p;
  const mse = rss / df;
  return { effect: beta[p - 1], se: Math.sqrt(mse * inv[p - 1][p - 1]), mse, df };
}

/** Gauss–Jordan inverse with partial pivoting. */
function invert(a: number[][]): number[][] {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let best = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[best][c])) best = r;
    [m[c], m[best]] = [m[best], m[c]];
    const pivot = m[c][c];
    for (let j = 0; j < 2 * n; j++) m[c][j] /= pivot;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c];
      for (let j = 0; j < 2 * n; j++) m[r][j] -= f * m[c][j];
    }
  }
  return m.map((row) => row.slice(n));
}

describe("2×2 crossover bioequivalence", () => {
  it("matches the least-squares fixed-effects ANOVA (unbalanced 7 TR / 5 RT)", () => {
    const rows = crossover(7, 5);
    const be = bioequivalence(rows);
    const ls = leastSquares(rows);
    expect(be.df).toBe(ls.df);
    expect(be.mse).toBeCloseTo(ls.mse, 12);
    expect(Math.log(be.ratio)).toBeCloseTo(ls.effect, 12);
    // t(0.95, 10) = 1.812461 (Student's t table, e.g. Abramowitz & Stegun table 26.10).
    expect(Math.log(be.lower)).toBeCloseTo(ls.effect - 1.812461 * ls.se, 5);
    expect(Math.log(be.upper)).toBeCloseTo(ls.effect + 1.812461 * ls.se, 5);
    expect(be.cvIntra).toBeCloseTo(100 * Math.sqrt(Math.exp(ls.mse) - 1), 10);
    expect(be.subjects).toEqual({ TR: 7, RT: 5 });
  });

  it("a hand-solved balanced example: two subjects per sequence", () => {
    // d = (ln P2 − ln P1)/2: TR subjects d = ln(R/T)/2, RT subjects d = ln(T/R)/2.
    const rows: CrossoverObservation[] = [
      { subject: 1, period: 1, treatment: "T", value: 100 }, { subject: 1, period: 2, treatment: "R", value: 100 * Math.exp(0.2) },
      { subject: 2, period: 1, treatment: "T", value: 50 }, { subject: 2, period: 2, treatment: "R", value: 50 },
      { subject: 3, period: 1, treatment: "R", value: 80 }, { subject: 3, period: 2, treatment: "T", value: 80 * Math.exp(0.1) },
      { subject: 4, period: 1, treatment: "R", value: 60 }, { subject: 4, period: 2, treatment: "T", value: 60 * Math.exp(-0.1) },
    ];
    // d_TR = (0.1, 0), d_RT = (0.05, −0.05): effect = 0 − 0.05 = −0.05;
    // pooled variance of d = (0.005 + 0.005)/2 = 0.005; SE = sqrt(0.005·(1/2 + 1/2)); t(0.95, 2) = 2.919986.
    const be = bioequivalence(rows);
    expect(be.ratio).toBeCloseTo(Math.exp(-0.05), 12);
    expect(be.mse).toBeCloseTo(0.01, 12);
    expect(be.lower).toBeCloseTo(Math.exp(-0.05 - 2.919986 * Math.sqrt(0.005)), 5);
    expect(be.upper).toBeCloseTo(Math.exp(-0.05 + 2.919986 * Math.sqrt(0.005)), 5);
    expect(be.bioequivalent).toBe(be.lower >= 0.8 && be.upper <= 1.25);
  });

  it("a confidence interval inside 80–125 % passes, one crossing it fails", () => {
    expect(bioequivalence(crossover(12, 12, 7)).bioequivalent).toBe(true);
    const far = crossover(12, 12, 7).map((r) => (r.treatment === "T" ? { ...r, value: r.value * 0.7 } : r));
    expect(bioequivalence(far).bioequivalent).toBe(false);
  });

  it("refuses incomplete or malformed crossovers, naming the subject", () => {
    const rows = crossover(3, 3);
    expect(() => bioequivalence(rows.slice(1))).toThrow(/subject S1 has no value in period 1/);
    expect(() => bioequivalence(rows.map((r, i) => (i === 0 ? { ...r, value: 0 } : r)))).toThrow(NcaError);
    expect(() => bioequivalence(rows.map((r, i) => (i === 0 ? { ...r, treatment: "X" } : r)))).toThrow(/treatment "X"/);
    expect(() => bioequivalence(rows.map((r, i) => (i === 1 ? { ...r, treatment: "T" } : r)))).toThrow(/"T" in both periods/);
  });
});
