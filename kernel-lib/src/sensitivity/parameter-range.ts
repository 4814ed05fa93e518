import { SensitivityError } from "./sensitivity-error.js";

/**
 * The values a parameter takes in a global analysis: uniform on [min, max], log-uniform
 * (`scale: "log"`, uniform in log p; needs min > 0), or any distribution given by its
 * quantile function (inverse CDF) u ∈ (0, 1) → value.
 *
 * @example
 * const ranges: Record<string, ParameterRange> = {
 *   CL: { min: 3, max: 12, scale: "log" },
 *   V: { min: 15, max: 40 },
 *   F1: { quantile: (u) => 0.5 + 0.5 * Math.sqrt(u) }, // triangular on [0.5, 1], mode 1
 * };
 */
export type ParameterRange = { min: number; max: number; scale?: "linear" | "log" } | { quantile: (u: number) => number };

/**
 * The quantile function of a range after checking it: a {@link SensitivityError} names the
 * parameter when min or max is not finite, max ≤ min, or a log range is not positive.
 * @internal
 */
export function rangeQuantile(name: string, range: ParameterRange): (u: number) => number {
  if ("quantile" in range) {
    if (typeof range.quantile !== "function") throw new SensitivityError(`range of ${name}: quantile must be a function u → value`);
    return range.quantile;
  }
  const { min, max, scale = "linear" } = range;
  if (!Number.isFinite(min) || !Number.isFinite(max) || !(max > min)) {
    throw new SensitivityError(`range of ${name} is [${min}, ${max}]: min and max must be finite numbers with max > min`);
  }
  if (scale === "linear") return (u) => min + u * (max - min);
  if (!(min > 0)) throw new SensitivityError(`range of ${name} is [${min}, ${max}] on a log scale: it must be positive (min > 0)`);
  const [a, b] = [Math.log(min), Math.log(max)];
  return (u) => Math.exp(a + u * (b - a));
}
