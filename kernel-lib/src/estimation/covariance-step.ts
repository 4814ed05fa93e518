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
 * `subjectValues(u)` returns every subject's objective at u. Cost 2m² + 1 evaluations; with
 * `subjectGradients` (each subject's exact gradient) 2m + 1 gradient evaluations instead.
 * @internal
 */
export function covarianceStep(subjectValues: (u: ArrayLike<number>) => Float64Array, u: Float64Array, step = 1e-3, subjectGradients?: (u: Float64Array) => Float64Array[] | undefined): CovarianceStep {
  const byGradients = subjectGradients && gradientSandwich(subjectGradients, u, step);
  if (byGradients) return byGradients;
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
  return sandwich(r, s);
}

/**
 * The same matrices from each subject's exact gradient: S from the gradients at u, R by
 * central differences of their sum (2m + 1 gradient evaluations instead of 2m² + 1 of the
 * objective, and R is then a first difference of an exact gradient, not a second difference
 * of the objective). Undefined where a gradient is not available.
 */
function gradientSandwich(subjectGradients: (u: Float64Array) => Float64Array[] | undefined, u: Float64Array, step: number): CovarianceStep | undefined {
  const m = u.length;
  const total = (x: Float64Array) => {
    const gradients = subjectGradients(x);
    if (!gradients) return undefined;
    const sum = new Float64Array(m);
    for (const g of gradients) for (let k = 0; k < m; k++) sum[k] += g[k];
    return sum;
  };
  const centre = subjectGradients(u);
  if (!centre) return undefined;
  const s = Matrix.zeros(m, m);
  for (const g of centre) for (let k = 0; k < m; k++) for (let l = 0; l < m; l++) s.set(k, l, s.get(k, l) + g[k] * g[l]);
  const r = Matrix.zeros(m, m);
  for (let k = 0; k < m; k++) {
    const up = Float64Array.from(u);
    const down = Float64Array.from(u);
    up[k] += step;
    down[k] -= step;
    const high = total(up);
    const low = total(down);
    if (!high || !low) return undefined;
    for (let l = 0; l < m; l++) r.set(k, l, (high[l] - low[l]) / (2 * step));
  }
  // Symmetric by construction in exact arithmetic: average the two difference estimates.
  return sandwich(r.add(r.transpose()).mul(0.5), s);
}

function sandwich(r: Matrix, s: Matrix): CovarianceStep {
  const rInverse = inverseOrUndefined(r);
  if (!rInverse) return { message: "the R matrix (Hessian of the OFV) is singular: no standard errors (a parameter the data do not determine, or a minimum not reached)" };
  return { covariance: rInverse.mmul(s).mmul(rInverse), message: "covariance step successful (R⁻¹SR⁻¹)" };
}
