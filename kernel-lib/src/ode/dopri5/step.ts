// Dormand–Prince 5(4): J. R. Dormand, P. J. Prince, "A family of embedded Runge-Kutta
// formulae", J. Comput. Appl. Math. 6 (1980) 19–26; step and error norm as in Hairer's
// DOPRI5 (Hairer, Nørsett & Wanner, Solving Ordinary Differential Equations I, 2nd ed., §II.5).
import type { Rhs } from "../types.js";
import type { Dopri5Cache } from "./cache.js";
import { DOPRI5_TABLEAU } from "./tableau.js";

/**
 * One Dormand–Prince step of size h from (t, y), with c.k1 = f(t, y) on entry: writes the
 * 5th-order solution to c.y1 and f(t + h, y1) to c.k7 (six calls of `rhs`), and returns
 * the RMS norm of the embedded error estimate weighted by atol + rtol·max(|y|, |y1|)
 * (accept when ≤ 1). Internal.
 */
export function dopri5Step(
  c: Dopri5Cache,
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
    a21, c2, a31, a32, c3, a41, a42, a43, c4, a51, a52, a53, a54, c5, a61, a62, a63, a64, a65, a71, a73, a74,
    a75, a76, e1, e3, e4, e5, e6, e7,
  } = DOPRI5_TABLEAU;
  const n = y.length;
  const { k1, k2, k3, k4, k5, k6, k7, ytmp, ysti, y1 } = c;
  for (let i = 0; i < n; i++) ytmp[i] = y[i] + h * a21 * k1[i];
  rhs(t + c2 * h, ytmp, p, k2);
  for (let i = 0; i < n; i++) ytmp[i] = y[i] + h * (a31 * k1[i] + a32 * k2[i]);
  rhs(t + c3 * h, ytmp, p, k3);
  for (let i = 0; i < n; i++) ytmp[i] = y[i] + h * (a41 * k1[i] + a42 * k2[i] + a43 * k3[i]);
  rhs(t + c4 * h, ytmp, p, k4);
  for (let i = 0; i < n; i++) {
    ytmp[i] = y[i] + h * (a51 * k1[i] + a52 * k2[i] + a53 * k3[i] + a54 * k4[i]);
  }
  rhs(t + c5 * h, ytmp, p, k5);
  for (let i = 0; i < n; i++) {
    ysti[i] = y[i] + h * (a61 * k1[i] + a62 * k2[i] + a63 * k3[i] + a64 * k4[i] + a65 * k5[i]);
  }
  const tph = t + h;
  rhs(tph, ysti, p, k6);
  for (let i = 0; i < n; i++) {
    y1[i] = y[i] + h * (a71 * k1[i] + a73 * k3[i] + a74 * k4[i] + a75 * k5[i] + a76 * k6[i]);
  }
  rhs(tph, y1, p, k7);
  let err = 0;
  for (let i = 0; i < n; i++) {
    const e = h * (e1 * k1[i] + e3 * k3[i] + e4 * k4[i] + e5 * k5[i] + e6 * k6[i] + e7 * k7[i]);
    const sk = atol + rtol * Math.max(Math.abs(y[i]), Math.abs(y1[i]));
    err += (e / sk) * (e / sk);
  }
  return Math.sqrt(err / n);
}

/**
 * Hairer's stiffness test of DOPRI5 (Hairer & Wanner, Solving ODEs II, 2nd ed., §IV.2):
 * stages 6 and 7 are both taken at t + h, so h·‖k7 − k6‖/‖y1 − ysti‖ estimates h·ρ(∂f/∂y)
 * along the step. Values near the edge of the stability region (3.3 on the real axis), step
 * after step, mean stiffness. Call after an accepted step, before the FSAL swap. Internal.
 */
export function dopri5StiffnessRatio(c: Dopri5Cache, h: number): number {
  const { k6, k7, y1, ysti } = c;
  let num = 0;
  let den = 0;
  for (let i = 0; i < y1.length; i++) {
    num += (k7[i] - k6[i]) ** 2;
    den += (y1[i] - ysti[i]) ** 2;
  }
  return den > 0 ? h * Math.sqrt(num / den) : 0;
}
