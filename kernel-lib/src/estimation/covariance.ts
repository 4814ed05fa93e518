import { inverse, Matrix } from "ml-matrix";

/**
 * The inverse of a symmetric positive definite matrix, or undefined when it is singular
 * (a parameter the data do not determine): then no standard errors can be given.
 * @internal
 */
export function inverseOrUndefined(a: Matrix): Matrix | undefined {
  try {
    const inv = inverse(a);
    for (let i = 0; i < a.rows; i++) if (!(inv.get(i, i) > 0) || !Number.isFinite(inv.get(i, i))) return undefined;
    return inv;
  } catch {
    return undefined;
  }
}

/** Correlation matrix of a covariance matrix, as rows of numbers. @internal */
export function correlation(covariance: Matrix): number[][] {
  const sd = covariance.diag().map(Math.sqrt);
  return covariance.to2DArray().map((row, i) => row.map((c, j) => c / (sd[i] * sd[j])));
}

/** Cov_x = D·Cov_u·D with D = diag(dx/du): the delta method for an element-wise transform. @internal */
export function deltaCovariance(covarianceU: Matrix, slopes: readonly number[]): Matrix {
  return new Matrix(covarianceU.to2DArray().map((row, i) => row.map((c, j) => c * slopes[i] * slopes[j])));
}
