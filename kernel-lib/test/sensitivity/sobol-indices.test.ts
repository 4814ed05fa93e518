import { describe, expect, test } from "vitest";
import { modelResponse, SensitivityError, sobolIndices } from "../../src/index.js";

describe("Sobol indices", () => {
  test("Ishigami function (a = 7, b = 0.1): first-order and total indices within 0.03 of the analytic ones", () => {
    const [a, b] = [7, 0.1];
    const pi = Math.PI;
    // Partial variances of Ishigami & Homma (1990) for x_i ~ U(−π, π) (Sobol' & Levitan 1999).
    const v1 = 0.5 * (1 + (b * pi ** 4) / 5) ** 2;
    const v2 = a ** 2 / 8;
    const v13 = (8 * b ** 2 * pi ** 8) / 225;
    const v = v1 + v2 + v13;
    const exact = { first: { x1: v1 / v, x2: v2 / v, x3: 0 }, total: { x1: (v1 + v13) / v, x2: v2 / v, x3: v13 / v } };
    expect(exact.first.x1).toBeCloseTo(0.3139, 4);
    expect(exact.total.x3).toBeCloseTo(0.2437, 4);

    const ishigami = ({ x1, x2, x3 }: Record<string, number>) => Math.sin(x1) + a * Math.sin(x2) ** 2 + b * x3 ** 4 * Math.sin(x1);
    const range = { min: -pi, max: pi };
    const s = sobolIndices(ishigami, { x1: range, x2: range, x3: range }, { samples: 2 ** 14, seed: 1, bootstrap: 200 });
    expect(s.evaluations).toBe(2 ** 14 * 5);
    expect(Math.abs(s.variance - v) / v).toBeLessThan(0.03);
    for (const name of ["x1", "x2", "x3"] as const) {
      expect(Math.abs(s.first[name] - exact.first[name]), `S ${name}`).toBeLessThan(0.03);
      expect(Math.abs(s.total[name] - exact.total[name]), `ST ${name}`).toBeLessThan(0.03);
      expect(s.intervals, "bootstrap intervals").toBeDefined();
      const { first, total } = s.intervals!;
      expect(first[name][0]).toBeLessThan(exact.first[name]);
      expect(first[name][1]).toBeGreaterThan(exact.first[name]);
      expect(total[name][0]).toBeLessThan(exact.total[name]);
      expect(total[name][1]).toBeGreaterThan(exact.total[name]);
    }
  });

  test("a linear function has S_i = S_Ti = a_i²·Var(x_i) / Σ a_j²·Var(x_j), whatever its mean", () => {
    // x ~ U(0, 1) (variance 1/12), y ~ U(0, 2) (1/3), z log-uniform on [1, e] (variance (e² − 1)/2 − (e − 1)²).
    const varZ = (Math.E ** 2 - 1) / 2 - (Math.E - 1) ** 2;
    const parts = { x: 9 / 12, y: 1 / 3, z: 4 * varZ };
    const total = parts.x + parts.y + parts.z;
    const s = sobolIndices(({ x, y, z }) => 1000 + 3 * x + y - 2 * z, { x: { min: 0, max: 1 }, y: { min: 0, max: 2 }, z: { min: 1, max: Math.E, scale: "log" } }, { samples: 8192, seed: 3 });
    for (const name of ["x", "y", "z"] as const) {
      // The offset 1000 would swamp an estimator that does not centre f.
      expect(Math.abs(s.first[name] - parts[name] / total)).toBeLessThan(0.02);
      // Without interactions the Jansen total index equals the first-order one up to sampling error.
      expect(Math.abs(s.total[name] - parts[name] / total)).toBeLessThan(0.02);
    }
  });

  test("the same seed gives the same indices; a quantile function is a range", () => {
    const f = ({ p, q }: Record<string, number>) => p * q + p;
    const ranges = { p: { quantile: (u: number) => -Math.log(1 - u) }, q: { min: 1, max: 2 } };
    const one = sobolIndices(f, ranges, { samples: 256, seed: 9 });
    const two = sobolIndices(f, ranges, { samples: 256, seed: 9 });
    expect(two.first).toEqual(one.first);
    expect(sobolIndices(f, ranges, { samples: 256, seed: 10 }).first.p).not.toBe(one.first.p);
  });

  test("AUC of pk1cmt_iv = D/CL: clearance explains all of its variance, volume none", () => {
    const auc = modelResponse("pk1cmt_iv", { regimen: "100 mg", times: { end: 400, step: 0.5 } }, { summary: "auc" });
    const s = sobolIndices(auc, { CL: { min: 3, max: 12, scale: "log" }, V: { min: 15, max: 40 } }, { samples: 1024, seed: 2 });
    // Exact: S_CL = ST_CL = 1, ST_V = 0. The CL estimates scatter with an SD of about 0.05 at
    // N = 1024 (seen over seeds 1–5: 0.97–1.09), so 0.15 is three SDs; V's total index has
    // no sampling noise when V has no effect.
    expect(Math.abs(s.first.CL - 1)).toBeLessThan(0.15);
    expect(Math.abs(s.total.CL - 1)).toBeLessThan(0.15);
    expect(s.total.V).toBeLessThan(0.001);
  });
});

describe("Sobol input errors", () => {
  const f = ({ x }: Record<string, number>) => x;

  test("a range with max ≤ min is named", () => {
    expect(() => sobolIndices(f, { x: { min: 2, max: 2 } })).toThrow(new SensitivityError("range of x is [2, 2]: min and max must be finite numbers with max > min"));
  });

  test("a non-positive log range is named", () => {
    expect(() => sobolIndices(f, { x: { min: 0, max: 5, scale: "log" } })).toThrow(new SensitivityError("range of x is [0, 5] on a log scale: it must be positive (min > 0)"));
  });

  test("a constant function has no indices", () => {
    expect(() => sobolIndices(() => 4, { x: { min: 0, max: 1 } }, { samples: 16 })).toThrow(/does not vary over the ranges \(variance 0\)/);
  });

  test("a non-finite value names the point", () => {
    expect(() => sobolIndices(({ x }) => Math.log(x - 0.5), { x: { min: 0, max: 1 } }, { samples: 64 })).toThrow(/the function returned NaN at x=0\.\d+; Sobol indices need a finite value/);
  });

  test("a bad sample size or no parameter", () => {
    expect(() => sobolIndices(f, { x: { min: 0, max: 1 } }, { samples: 1.5 })).toThrow(new SensitivityError("samples = 1.5: the base sample size must be an integer ≥ 2"));
    expect(() => sobolIndices(f, {})).toThrow(new SensitivityError("sobolIndices needs at least one parameter range"));
  });
});
