import type { Dopri5Cache } from "./cache.js";

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
