import { Matrix } from "ml-matrix";

/**
 * Observations y with normal errors: mean f and variance v, both functions of the search
 * vector u (m entries), given with their derivatives df[k][i] = ∂f_i/∂u_k, dv[k][i] = ∂v_i/∂u_k
 * (dv undefined where v does not depend on u_k).
 * @internal
 */
export interface GaussianRows {
  y: ArrayLike<number>;
  f: ArrayLike<number>;
  v: ArrayLike<number>;
  df: readonly ArrayLike<number>[];
  dv: readonly (ArrayLike<number> | undefined)[];
}

/** −2·log-likelihood without the n·log 2π constant, its gradient and expected Hessian. @internal */
export interface GaussianTerms {
  value: number;
  gradient: Float64Array;
  /** Expected (Fisher scoring) Hessian of `value`: Σ 2·∂f∂fᵀ/v + ∂v∂vᵀ/v². */
  hessian: Matrix;
}

/**
 * value = Σ log v_i + (y_i − f_i)²/v_i (NONMEM's extended least squares objective), with
 * gradient Σ ∂v/v − 2r·∂f/v − r²·∂v/v² and the expected Hessian, which is positive
 * semi-definite everywhere and is twice the Fisher information of the parameters.
 * @internal
 */
export function gaussianTerms(rows: GaussianRows): GaussianTerms {
  const { y, f, v, df, dv } = rows;
  const m = df.length;
  const gradient = new Float64Array(m);
  const hessian = Matrix.zeros(m, m);
  let value = 0;
  for (let i = 0; i < y.length; i++) {
    const r = y[i] - f[i];
    const vi = v[i];
    value += Math.log(vi) + (r * r) / vi;
    for (let k = 0; k < m; k++) {
      const dvk = dv[k]?.[i] ?? 0;
      gradient[k] += dvk / vi - (2 * r * df[k][i]) / vi - (r * r * dvk) / (vi * vi);
      for (let l = 0; l <= k; l++) {
        const dvl = dv[l]?.[i] ?? 0;
        hessian.set(k, l, hessian.get(k, l) + (2 * df[k][i] * df[l][i]) / vi + (dvk * dvl) / (vi * vi));
      }
    }
  }
  for (let k = 0; k < m; k++) for (let l = 0; l < k; l++) hessian.set(l, k, hessian.get(k, l));
  return { value, gradient, hessian };
}
