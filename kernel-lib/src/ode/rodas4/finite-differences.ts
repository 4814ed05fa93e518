import type { Rhs } from "../types.js";

const SQRT_EPS = Math.sqrt(Number.EPSILON);

/**
 * Forward-difference Jacobian J[i·n + j] ≈ (f_i(t, y + δ_j e_j) − f_i(t, y))/δ_j with
 * δ_j = √(ε·max(1e−5, |y_j|)) (Hairer's choice in RODAS/RADAU5), from f0 = f(t, y):
 * n calls of `rhs`, which the caller counts. `ytmp` and `ftmp` are scratch. Internal.
 */
export function finiteDifferenceJacobian(
  rhs: Rhs,
  t: number,
  y: Float64Array,
  p: Float64Array,
  f0: Float64Array,
  jac: Float64Array,
  ytmp: Float64Array,
  ftmp: Float64Array,
): void {
  const n = y.length;
  for (let i = 0; i < n; i++) ytmp[i] = y[i];
  for (let j = 0; j < n; j++) {
    const delta = SQRT_EPS * Math.sqrt(Math.max(1e-5, Math.abs(y[j])));
    ytmp[j] = y[j] + delta;
    rhs(t, ytmp, p, ftmp);
    ytmp[j] = y[j];
    const step = 1 / delta;
    for (let i = 0; i < n; i++) jac[i * n + j] = (ftmp[i] - f0[i]) * step;
  }
}

/**
 * Forward-difference ∂f/∂t ≈ (f(t + δ, y) − f(t, y))/δ with δ = √(ε·max(1e−5, |t|)), as
 * Hairer's RODAS does for non-autonomous problems: one call of `rhs`. Internal.
 */
export function finiteDifferenceTimeDerivative(
  rhs: Rhs,
  t: number,
  y: Float64Array,
  p: Float64Array,
  f0: Float64Array,
  ft: Float64Array,
  ftmp: Float64Array,
): void {
  const delta = SQRT_EPS * Math.sqrt(Math.max(1e-5, Math.abs(t)));
  rhs(t + delta, y, p, ftmp);
  const step = 1 / delta;
  for (let i = 0; i < y.length; i++) ft[i] = (ftmp[i] - f0[i]) * step;
}
