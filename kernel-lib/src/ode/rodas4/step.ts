// Rodas4: the stiffly accurate Rosenbrock method of order 4(3) of E. Hairer & G. Wanner,
// Solving Ordinary Differential Equations II, 2nd ed., Springer 1996, §IV.7 and §VI.4,
// in the transformed form of their code RODAS: (I/(γh) − J)·U_i =
// f(t + c_i h, y + Σ a_ij U_j) + Σ (c_ij/h)·U_j + h·g_i·∂f/∂t, y1 = y + Σ a_6j U_j + U6.
import { luFactor, luSolve } from "../../linalg/index.js";
import type { Rhs } from "../types.js";
import type { Rodas4Cache } from "./cache.js";
import { RODAS4_TABLEAU } from "./tableau.js";

/**
 * Forms and factorises I/(γh) − J from c.jac into c.lu. Returns false when it is singular.
 * Internal.
 */
export function rodas4Factor(c: Rodas4Cache, h: number, n: number): boolean {
  const { gamma } = RODAS4_TABLEAU;
  const { jac, lu } = c;
  const d = 1 / (gamma * h);
  for (let i = 0; i < n * n; i++) lu[i] = -jac[i];
  for (let i = 0; i < n; i++) lu[i * n + i] += d;
  return luFactor(lu, n, c.pivot);
}

/**
 * One Rodas4 step of size h from (t, y) with c.f0 = f(t, y), c.ft = ∂f/∂t and the factors
 * of {@link rodas4Factor}: writes the new state to c.y1 (five calls of `rhs`) and returns
 * the RMS norm of the embedded error estimate U6 weighted by atol + rtol·max(|y|, |y1|).
 * Internal.
 */
export function rodas4Step(
  c: Rodas4Cache,
  rhs: Rhs,
  t: number,
  h: number,
  y: Float64Array,
  p: Float64Array,
  rtol: number,
  atol: number,
): number {
  // Coefficients as locals: the hot loops then read registers, not module bindings.
  const {
    g1, a21, c2, g2, c21, a31, a32, c3, g3, c31, c32, a41, a42, a43, c4, g4, c41, c42, c43, a51, a52, a53,
    a54, c51, c52, c53, c54, c61, c62, c63, c64, c65,
  } = RODAS4_TABLEAU;
  const n = y.length;
  const { lu, pivot, f0, ft, k1, k2, k3, k4, k5, k6, ytmp, fnew, y1 } = c;
  const hinv = 1 / h;

  for (let i = 0; i < n; i++) k1[i] = f0[i] + h * g1 * ft[i];
  luSolve(lu, n, pivot, k1);

  for (let i = 0; i < n; i++) ytmp[i] = y[i] + a21 * k1[i];
  rhs(t + c2 * h, ytmp, p, fnew);
  for (let i = 0; i < n; i++) k2[i] = fnew[i] + h * g2 * ft[i] + c21 * k1[i] * hinv;
  luSolve(lu, n, pivot, k2);

  for (let i = 0; i < n; i++) ytmp[i] = y[i] + a31 * k1[i] + a32 * k2[i];
  rhs(t + c3 * h, ytmp, p, fnew);
  for (let i = 0; i < n; i++) k3[i] = fnew[i] + h * g3 * ft[i] + (c31 * k1[i] + c32 * k2[i]) * hinv;
  luSolve(lu, n, pivot, k3);

  for (let i = 0; i < n; i++) ytmp[i] = y[i] + a41 * k1[i] + a42 * k2[i] + a43 * k3[i];
  rhs(t + c4 * h, ytmp, p, fnew);
  for (let i = 0; i < n; i++) {
    k4[i] = fnew[i] + h * g4 * ft[i] + (c41 * k1[i] + c42 * k2[i] + c43 * k3[i]) * hinv;
  }
  luSolve(lu, n, pivot, k4);

  for (let i = 0; i < n; i++) ytmp[i] = y[i] + a51 * k1[i] + a52 * k2[i] + a53 * k3[i] + a54 * k4[i];
  const tph = t + h;
  rhs(tph, ytmp, p, fnew);
  for (let i = 0; i < n; i++) {
    k5[i] = fnew[i] + (c51 * k1[i] + c52 * k2[i] + c53 * k3[i] + c54 * k4[i]) * hinv;
  }
  luSolve(lu, n, pivot, k5);

  for (let i = 0; i < n; i++) ytmp[i] += k5[i];
  rhs(tph, ytmp, p, fnew);
  for (let i = 0; i < n; i++) {
    k6[i] = fnew[i] + (c61 * k1[i] + c62 * k2[i] + c63 * k3[i] + c64 * k4[i] + c65 * k5[i]) * hinv;
  }
  luSolve(lu, n, pivot, k6);

  let err = 0;
  for (let i = 0; i < n; i++) {
    y1[i] = ytmp[i] + k6[i];
    const sk = atol + rtol * Math.max(Math.abs(y[i]), Math.abs(y1[i]));
    err += (k6[i] / sk) * (k6[i] / sk);
  }
  return Math.sqrt(err / n);
}
