import { Matrix } from "ml-matrix";
import { inverseOrUndefined } from "./covariance.js";

/** The covariance step's matrices on the search scale. @internal */
export interface CovarianceStep {
  /** R⁻¹·S·R⁻¹ (NONMEM's default "sandwich"); undefined when R is singular. */
  covariance?: Matrix;
  message: string;
}

/**
 * NONMEM's covariance step (its default, MATRIX=RSR): R = ∂²OFV/∂u∂uᵀ by central second
 * differences of the total objective, S = Σᵢ ∇OFVᵢ·∇OFVᵢᵀ from each subject's central
 * gradient, Cov(u) = R⁻¹·S·R⁻¹ (the robust sandwich; for −2LL the factors of 2 cancel).
 * `subjectValues(u)` returns every subject's objective at u. Cost 2m² + 1 evaluations.
 * @internal
 */
export function covarianceStep(subjectValues: (u: ArrayLike<number>) => Float64Array, u: Float64Array, step = 1e-3): CovarianceStep {
  const m = u.length;
  const at = (changes: [number, number][]) => {
    const x = Float64Array.from(u);
    for (const [k, h] of changes) x[k] += h;
    return subjectValues(x);
  };
  const sum = (v: Float64Array) => v.reduce((s, x) => s + x, 0);
  const centre = sum(at([]));
  const up: Float64Array[] = [];
  const down: Float64Array[] = [];
  for (let k = 0; k < m; k++) {
    up.push(at([[k, step]]));
    down.push(at([[k, -step]]));
  }
  const r = Matrix.zeros(m, m);
  for (let k = 0; k < m; k++) {
    r.set(k, k, (sum(up[k]) - 2 * centre + sum(down[k])) / (step * step));
    for (let l = 0; l < k; l++) {
      const value = (sum(at([[k, step], [l, step]])) - sum(at([[k, step], [l, -step]])) - sum(at([[k, -step], [l, step]])) + sum(at([[k, -step], [l, -step]]))) / (4 * step * step);
      r.set(k, l, value);
      r.set(l, k, value);
    }
  }
  const n = up[0].length;
  const s = Matrix.zeros(m, m);
  for (let i = 0; i < n; i++) {
    const g = Array.from({ length: m }, (_, k) => (up[k][i] - down[k][i]) / (2 * step));
    for (let k = 0; k < m; k++) for (let l = 0; l < m; l++) s.set(k, l, s.get(k, l) + g[k] * g[l]);
  }
  const rInverse = inverseOrUndefined(r);
  if (!rInverse) return { message: "the R matrix (Hessian of the OFV) is singular: no standard errors (a parameter the data do not determine, or a minimum not reached)" };
  return { covariance: rInverse.mmul(s).mmul(rInverse), message: "covariance step successful (R⁻¹SR⁻¹)" };
}
