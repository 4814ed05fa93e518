/**
 * Concentration after a single IV bolus into a one-compartment model:
 * C(t) = Dose / V · exp(−CL/V · t).
 *
 * @param dose mg, `cl` L/h, `v` L, `t` h → mg/L
 * @example bolus1cmt(600, 6, 25, 3) // 11.68
 */
export function bolus1cmt(dose: number, cl: number, v: number, t: number): number {
  return (dose / v) * Math.exp((-cl / v) * t);
}
