/** What a covariance matrix is called in error messages, and the names of its rows. */
export interface CholeskyOptions {
  /** The matrix's name, e.g. "OMEGA" (default "matrix"). */
  name?: string;
  /** Row names, e.g. ["CL", "V1"], to say which row failed. */
  labels?: readonly string[];
}

/**
 * Cholesky factor of a symmetric positive semi-definite matrix: lower-triangular L with
 * L·Lᵀ = A, as rows of numbers. A zero pivot (a zero variance, or a row that is a linear
 * combination of earlier ones) gives a zero column, so semi-definite covariance matrices
 * (perfect correlation, a fixed-zero variance) are accepted.
 *
 * Throws naming the matrix and row when A is not square, not finite, not symmetric
 * (relative tolerance 1e-10) or not positive semi-definite (a pivot below −1e-12·max|diag|).
 *
 * @example
 * cholesky([[4, 2], [2, 3]]); // [[2, 0], [1, 1.4142135623730951]]
 */
export function cholesky(matrix: readonly (readonly number[])[], options: CholeskyOptions = {}): number[][] {
  const name = options.name ?? "matrix";
  const label = (i: number): string => (options.labels?.[i] !== undefined ? `${i + 1} (${options.labels[i]})` : `${i + 1}`);
  const n = matrix.length;
  matrix.forEach((row, i) => {
    if (row.length !== n) throw new RangeError(`${name} is not square: it has ${n} rows but row ${label(i)} has ${row.length} entries`);
    row.forEach((v, j) => {
      if (!Number.isFinite(v)) throw new RangeError(`${name}[${label(i)}, ${label(j)}] = ${v} is not a finite number`);
    });
  });
  const scale = Math.max(0, ...matrix.map((row, i) => Math.abs(row[i])));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (Math.abs(matrix[i][j] - matrix[j][i]) > 1e-10 * Math.max(scale, Math.abs(matrix[i][j]))) {
        throw new RangeError(`${name} is not symmetric: entry (${label(i)}, ${label(j)}) is ${matrix[i][j]} but (${label(j)}, ${label(i)}) is ${matrix[j][i]}`);
      }
    }
  }
  const tolerance = 1e-12 * scale;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    let pivot = matrix[j][j];
    for (let k = 0; k < j; k++) pivot -= l[j][k] * l[j][k];
    if (pivot < -tolerance) {
      throw new RangeError(
        `${name} is not positive semi-definite (row ${label(j)}: pivot ${pivot.toPrecision(4)} < 0); a covariance larger than the variances allow (|correlation| > 1)?`,
      );
    }
    const d = pivot > tolerance ? Math.sqrt(pivot) : 0;
    l[j][j] = d;
    for (let i = j + 1; i < n; i++) {
      let s = matrix[i][j];
      for (let k = 0; k < j; k++) s -= l[i][k] * l[j][k];
      if (d > 0) l[i][j] = s / d;
      else if (Math.abs(s) > Math.sqrt(tolerance * scale) + tolerance) {
        throw new RangeError(
          `${name} is not positive semi-definite: row ${label(j)} has no variance left but covaries with row ${label(i)} (${s.toPrecision(4)})`,
        );
      }
    }
  }
  return l;
}
