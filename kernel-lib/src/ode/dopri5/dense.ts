// Dense output of Dormand–Prince 5(4), 4th order: Hairer's CONTD5 (Hairer, Nørsett & Wanner,
// Solving Ordinary Differential Equations I, 2nd ed., §II.6, the continuous extension of
// Dormand & Prince 1986 / Shampine 1986).
import type { Dopri5Cache } from "./cache.js";
import { DOPRI5_TABLEAU } from "./tableau.js";

/**
 * Prepares the interpolant of the accepted step (t, y) → (t + h, c.y1), before the FSAL swap
 * (it reads k1 … k7). Internal.
 */
export function dopri5PrepareDense(c: Dopri5Cache, h: number, y: Float64Array): void {
  // Coefficients as locals: the hot loops then read registers, not module bindings.
  const { d1, d3, d4, d5, d6, d7 } = DOPRI5_TABLEAU;
  const { k1, k3, k4, k5, k6, k7, y1, rcont1, rcont2, rcont3, rcont4, rcont5 } = c;
  for (let i = 0; i < y.length; i++) {
    const ydiff = y1[i] - y[i];
    const bspl = h * k1[i] - ydiff;
    rcont1[i] = y[i];
    rcont2[i] = ydiff;
    rcont3[i] = bspl;
    rcont4[i] = ydiff - h * k7[i] - bspl;
    rcont5[i] = h * (d1 * k1[i] + d3 * k3[i] + d4 * k4[i] + d5 * k5[i] + d6 * k6[i] + d7 * k7[i]);
  }
}

/** Writes the state at t + θ·h (0 ≤ θ ≤ 1) of the prepared step to `out`. Internal. */
export function dopri5Interpolate(c: Dopri5Cache, theta: number, out: Float64Array): void {
  const { rcont1, rcont2, rcont3, rcont4, rcont5 } = c;
  const theta1 = 1 - theta;
  for (let i = 0; i < out.length; i++) {
    out[i] = rcont1[i] + theta * (rcont2[i] + theta1 * (rcont3[i] + theta * (rcont4[i] + theta1 * rcont5[i])));
  }
}
