/**
 * Dense LU factorisation with partial pivoting for the small systems of PK/PD models
 * (a handful of states), on row-major Float64Arrays so callers can reuse buffers.
 */

/**
 * Factorises the n×n row-major matrix `a` in place into L (unit lower, below the diagonal)
 * and U, recording row swaps in `pivot`. Returns false when the matrix is singular.
 *
 * @example
 * const a = Float64Array.of(4, 3, 6, 3), piv = new Int32Array(2);
 * luFactor(a, 2, piv); const b = Float64Array.of(10, 12); luSolve(a, 2, piv, b); // b = [1, 2]
 */
export function luFactor(a: Float64Array, n: number, pivot: Int32Array): boolean {
  for (let k = 0; k < n; k++) {
    let p = k;
    let max = Math.abs(a[k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(a[i * n + k]);
      if (v > max) {
        max = v;
        p = i;
      }
    }
    pivot[k] = p;
    if (max === 0 || !Number.isFinite(max)) return false;
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const tmp = a[k * n + j];
        a[k * n + j] = a[p * n + j];
        a[p * n + j] = tmp;
      }
    }
    const inv = 1 / a[k * n + k];
    for (let i = k + 1; i < n; i++) {
      const f = (a[i * n + k] *= inv);
      if (f !== 0) for (let j = k + 1; j < n; j++) a[i * n + j] -= f * a[k * n + j];
    }
  }
  return true;
}

/** Solves A·x = b in place (b becomes x) with the factors from {@link luFactor}. */
export function luSolve(lu: Float64Array, n: number, pivot: Int32Array, b: Float64Array, offset = 0, stride = 1): void {
  for (let k = 0; k < n; k++) {
    const p = pivot[k];
    if (p !== k) {
      const tmp = b[offset + k * stride];
      b[offset + k * stride] = b[offset + p * stride];
      b[offset + p * stride] = tmp;
    }
  }
  for (let i = 1; i < n; i++) {
    let s = b[offset + i * stride];
    for (let j = 0; j < i; j++) s -= lu[i * n + j] * b[offset + j * stride];
    b[offset + i * stride] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[offset + i * stride];
    for (let j = i + 1; j < n; j++) s -= lu[i * n + j] * b[offset + j * stride];
    b[offset + i * stride] = s / lu[i * n + i];
  }
}
