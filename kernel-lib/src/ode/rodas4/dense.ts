// Dense output of Rodas4 (3rd order), as in Hairer & Wanner's RODAS (CONTRO; Solving ODEs II,
// 2nd ed., §IV.7 / §VI.4): y(t + θh) = (1−θ)·y0 + θ·(y1 + (1−θ)·(q1 + θ·q2)).
import type { Rodas4Cache } from "./cache.js";
import { RODAS4_TABLEAU } from "./tableau.js";

/** Prepares the interpolant of the accepted step from y to c.y1 (reads the stages). Internal. */
export function rodas4PrepareDense(c: Rodas4Cache, y: Float64Array): void {
  // Coefficients as locals: the hot loops then read registers, not module bindings.
  const { d21, d22, d23, d24, d25, d31, d32, d33, d34, d35 } = RODAS4_TABLEAU;
  const { k1, k2, k3, k4, k5, y1, cont1, cont2, cont3, cont4 } = c;
  for (let i = 0; i < y.length; i++) {
    cont1[i] = y[i];
    cont2[i] = y1[i];
    cont3[i] = d21 * k1[i] + d22 * k2[i] + d23 * k3[i] + d24 * k4[i] + d25 * k5[i];
    cont4[i] = d31 * k1[i] + d32 * k2[i] + d33 * k3[i] + d34 * k4[i] + d35 * k5[i];
  }
}

/** Writes the state at t + θ·h (0 ≤ θ ≤ 1) of the prepared step to `out`. Internal. */
export function rodas4Interpolate(c: Rodas4Cache, theta: number, out: Float64Array): void {
  const { cont1, cont2, cont3, cont4 } = c;
  const theta1 = 1 - theta;
  for (let i = 0; i < out.length; i++) {
    out[i] = cont1[i] * theta1 + theta * (cont2[i] + theta1 * (cont3[i] + theta * cont4[i]));
  }
}
