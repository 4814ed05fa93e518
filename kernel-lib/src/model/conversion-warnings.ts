import type { ParameterSpec } from "./types.js";
import { parseUnit } from "./units.js";

/**
 * Warnings for parameters that look like unit conversions given as 1: a unit such as
 * `(ng/mL)/(mg/L)` is dimensionless with a scale (here 1/1000), so the parameter that
 * converts mg/L to ng/mL is 1000 of it; a value of 1 makes the model 1000-fold off, silently.
 * @internal
 *
 * @example
 * conversionWarnings([{ name: "SCALE", value: 1, unit: "(ng/mL)/(mg/L)" }]);
 * // ['parameter SCALE = 1 (ng/mL)/(mg/L) converts between units of one dimension: …']
 */
export function conversionWarnings(parameters: readonly ParameterSpec[]): string[] {
  return parameters.flatMap((q) => {
    if (q.value !== 1) return [];
    let unit;
    try {
      unit = parseUnit(q.unit);
    } catch {
      return [];
    }
    if (typeof unit === "number" || !unit.dimensions.every((d) => d === 0)) return [];
    const scale = unit.value as unknown as number;
    if (Math.abs(scale - 1) <= 1e-9) return [];
    const identity = +(1 / scale).toPrecision(12);
    return [
      `parameter ${q.name} = 1 ${q.unit} converts between units of one dimension: the identity conversion is ${identity} ${q.unit}, so 1 makes the model ${identity}-fold off. Write ${identity}, or give the quantities the same unit so no conversion parameter is needed.`,
    ];
  });
}
