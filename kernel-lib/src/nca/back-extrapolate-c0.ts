// Internal to nca/ (not re-exported by the package); `nca` is the public entry.
/** C0 after an IV bolus and the PKNCA method (`pk.calc.c0`) that gave it. */
export interface C0 {
  c0: number;
  /** "c0": a positive sample at the dose time; "logslope": log-linear back-extrapolation; "c1": the first sample after the dose. */
  method: "c0" | "logslope" | "c1";
}

/**
 * The concentration at the moment of an IV bolus, PKNCA's default chain of methods
 * (times relative to the dose, which is at 0): a positive sample at time 0 is C0 as
 * measured; else, when the first two samples after the dose decline to a positive value,
 * the log-linear line through them at time 0, C0 = c1·exp(ln(c1/c2)·t1/(t2 − t1)); else
 * the first sample after the dose. NaN without any sample after the dose.
 *
 * @example
 * backExtrapolateC0([1, 2], [8, 4]); // { c0: 16, method: "logslope" }
 */
export function backExtrapolateC0(time: readonly number[], conc: readonly number[]): C0 {
  const atDose = time.indexOf(0);
  if (atDose >= 0 && conc[atDose] > 0) return { c0: conc[atDose], method: "c0" };
  const first = time.findIndex((t) => t > 0);
  if (first < 0) return { c0: NaN, method: "c1" };
  const [t1, c1, t2, c2] = [time[first], conc[first], time[first + 1], conc[first + 1]];
  if (first + 1 < time.length && c2 < c1 && c2 > 0) {
    return { c0: c1 * Math.exp((Math.log(c1 / c2) * t1) / (t2 - t1)), method: "logslope" };
  }
  return { c0: c1, method: "c1" };
}
