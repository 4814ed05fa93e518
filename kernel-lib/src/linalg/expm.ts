import { luFactor, luSolve } from "./lu.js";

// Padé [6/6] coefficients c_k = (12-k)! 6! / (12! k! (6-k)!). With the matrix scaled to
// ‖A‖₁ ≤ 0.5 the truncation error is below 1e-18, far under double rounding.
const PADE6 = [1, 1 / 2, 5 / 44, 1 / 66, 1 / 792, 1 / 15840, 1 / 665280];

/**
 * Matrix exponential e^A of the n×n row-major matrix `a` by scaling and squaring with a
 * Padé [6/6] approximant (Moler & Van Loan, SIAM Review 45:3, 2003, "method 3").
 * Meant for the small system matrices of linear compartment models.
 *
 * @example
 * expm(Float64Array.of(-0.24), 1); // [e^-0.24] = [0.7866…]
 */
export function expm(a: Float64Array, n: number): Float64Array {
  let norm = 0;
  for (let j = 0; j < n; j++) {
    let col = 0;
    for (let i = 0; i < n; i++) col += Math.abs(a[i * n + j]);
    norm = Math.max(norm, col);
  }
  if (!Number.isFinite(norm)) throw new Error("expm: the matrix holds a NaN or infinite entry");
  const squarings = norm > 0.5 ? Math.max(0, Math.ceil(Math.log2(norm / 0.5))) : 0;
  const scale = Math.pow(2, -squarings);
  const nn = n * n;
  const x = new Float64Array(nn);
  for (let i = 0; i < nn; i++) x[i] = a[i] * scale;

  // N = Σ c_k X^k, D = Σ (-1)^k c_k X^k, accumulated from the powers of X.
  const num = new Float64Array(nn);
  const den = new Float64Array(nn);
  for (let i = 0; i < n; i++) num[i * n + i] = den[i * n + i] = 1;
  let power = x.slice();
  for (let k = 1; k < PADE6.length; k++) {
    const c = PADE6[k];
    const sign = k % 2 === 0 ? c : -c;
    for (let i = 0; i < nn; i++) {
      num[i] += c * power[i];
      den[i] += sign * power[i];
    }
    if (k + 1 < PADE6.length) power = multiply(power, x, n);
  }
  const pivot = new Int32Array(n);
  if (!luFactor(den, n, pivot)) throw new Error("expm: Padé denominator is singular");
  for (let j = 0; j < n; j++) luSolve(den, n, pivot, num, j, n);
  let result = num;
  for (let s = 0; s < squarings; s++) result = multiply(result, result, n);
  return result;
}

function multiply(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const aik = a[i * n + k];
      if (aik === 0) continue;
      for (let j = 0; j < n; j++) c[i * n + j] += aik * b[k * n + j];
    }
  }
  return c;
}
