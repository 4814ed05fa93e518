// Internal to nca/ (not re-exported by the package); `nca` is the public entry.
import type { AucMethod } from "./types.js";

/** How one segment between two samples is integrated: trapezoid, log trapezoid, or no area. */
export type Segment = "linear" | "log" | "zero";

/**
 * The segment rule of `method` for samples (t1, c1) → (t2, c2), as PKNCA's
 * `choose_interval_method` (internal): no area between two zeros; linear where one end is
 * 0 or both are equal (the log form is undefined or agrees); otherwise by the method.
 */
export function segmentRule(method: AucMethod, c1: number, t2: number, c2: number, tmax: number): Segment {
  if (c1 === 0 && c2 === 0) return "zero";
  if (c1 === 0 || c2 === 0 || c1 === c2) return "linear";
  switch (method) {
    case "linear":
      return "linear";
    case "linear-up/log-down":
      return c2 < c1 ? "log" : "linear";
    case "log":
      return "log";
    case "lin-log":
      return t2 <= tmax ? "linear" : "log";
  }
}

/**
 * ∫ C dt over one segment: linear (t2 − t1)(c1 + c2)/2, log (t2 − t1)(c2 − c1)/ln(c2/c1)
 * (exact for an exponential between the samples).
 *
 * @example
 * segmentArea("log", 0, 8, 1, 4); // 4/ln 2 ≈ 5.771
 */
export function segmentArea(kind: Segment, t1: number, c1: number, t2: number, c2: number): number {
  const dt = t2 - t1;
  if (kind === "linear") return (dt * (c1 + c2)) / 2;
  if (kind === "log") return (dt * (c2 - c1)) / Math.log(c2 / c1);
  return 0;
}

/**
 * ∫ t·C dt over one segment (for AUMC), with PKNCA's formulas: linear (t2 − t1)(c1·t1 + c2·t2)/2,
 * log (t2 − t1)(c2·t2 − c1·t1)/L − (t2 − t1)²(c2 − c1)/L², L = ln(c2/c1).
 *
 * @example
 * segmentMoment("linear", 0, 0, 2, 1); // 2
 */
export function segmentMoment(kind: Segment, t1: number, c1: number, t2: number, c2: number): number {
  const dt = t2 - t1;
  if (kind === "linear") return (dt * (c1 * t1 + c2 * t2)) / 2;
  if (kind === "log") {
    const l = Math.log(c2 / c1);
    return (dt * (c2 * t2 - c1 * t1)) / l - (dt * dt * (c2 - c1)) / (l * l);
  }
  return 0;
}

/**
 * The concentration at `t` inside a segment, on the segment's own curve: a straight line
 * (linear), an exponential (log) or 0.
 *
 * @example
 * segmentConc("log", 0, 8, 2, 2, 1); // 4
 */
export function segmentConc(kind: Segment, t1: number, c1: number, t2: number, c2: number, t: number): number {
  const f = (t - t1) / (t2 - t1);
  if (kind === "linear") return c1 + f * (c2 - c1);
  if (kind === "log") return Math.exp(Math.log(c1) + f * (Math.log(c2) - Math.log(c1)));
  return 0;
}
