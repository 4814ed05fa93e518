import type { Rhs } from "../types.js";

/**
 * Hairer's initial step size (HINIT of DOPRI5/RODAS; Hairer, Nørsett & Wanner, Solving
 * Ordinary Differential Equations I, 2nd ed., Springer 1993, §II.4): with d0 = ‖y0‖, d1 = ‖f0‖,
 * h0 = 0.01·d0/d1 and d2 = ‖f(t0 + h0, y0 + h0·f0) − f0‖/h0 (weighted norms), the step is
 * min(100·h0, (0.01/max(d1, d2))^(1/order), hmax). One call of `rhs`, which the caller counts.
 * Doses restart every interval, so a good cheap first step matters. Internal.
 *
 * @param f0 f(t, y); `ytmp`, `f1` are scratch buffers of length n.
 * @example const h = initialStep(rhs, 0, y, p, f0, 5, 1e-6, 1e-9, Infinity, ytmp, f1);
 */
export function initialStep(
  rhs: Rhs,
  t: number,
  y: Float64Array,
  p: Float64Array,
  f0: Float64Array,
  order: number,
  rtol: number,
  atol: number,
  hmax: number,
  ytmp: Float64Array,
  f1: Float64Array,
): number {
  const n = y.length;
  let dnf = 0;
  let dny = 0;
  for (let i = 0; i < n; i++) {
    const sk = atol + rtol * Math.abs(y[i]);
    dnf += (f0[i] / sk) ** 2;
    dny += (y[i] / sk) ** 2;
  }
  let h = dnf <= 1e-10 || dny <= 1e-10 ? 1e-6 : Math.sqrt(dny / dnf) * 0.01;
  h = Math.min(h, hmax);
  for (let i = 0; i < n; i++) ytmp[i] = y[i] + h * f0[i];
  rhs(t + h, ytmp, p, f1);
  let der2 = 0;
  for (let i = 0; i < n; i++) {
    const sk = atol + rtol * Math.abs(y[i]);
    der2 += ((f1[i] - f0[i]) / sk) ** 2;
  }
  der2 = Math.sqrt(der2) / h;
  const der12 = Math.max(Math.abs(der2), Math.sqrt(dnf));
  const h1 = der12 <= 1e-15 ? Math.max(1e-6, h * 1e-3) : Math.pow(0.01 / der12, 1 / order);
  // NaN (from a NaN derivative) falls through to a tiny step; the step loop then reports it.
  const hnew = Math.min(100 * h, h1, hmax);
  return hnew > 0 ? hnew : 1e-6;
}
