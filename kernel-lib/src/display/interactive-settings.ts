import type { InteractiveSpec } from "./interactive-spec.js";

/**
 * The current position of an interactive simulation's controls: one value per slider
 * parameter, the dose (mg) when the spec has a dose slider, and the y scale. Plain JSON,
 * so a front end can keep it in the notebook (cell metadata `pmxlab.interactive`).
 */
export interface InteractiveSettings {
  params: Record<string, number>;
  dose?: number;
  logY: boolean;
}

/**
 * The settings to show: the spec's starting values, overridden by the `stored` ones that
 * fit the spec. A stored value is used only for a slider the spec has and only when it is
 * a number within that slider's range, so settings saved for an older version of the
 * cell (other parameters, other ranges) never produce a value the sliders cannot show;
 * such values fall back to the spec's.
 *
 * @example
 * interactiveSettings(spec, { params: { CL: 8 }, logY: true }); // { params: { CL: 8, V: 25 }, dose: 600, logY: true }
 */
export function interactiveSettings(spec: InteractiveSpec, stored?: unknown): InteractiveSettings {
  const saved = (typeof stored === "object" && stored !== null ? stored : {}) as Partial<Record<keyof InteractiveSettings, unknown>>;
  const savedParams = (typeof saved.params === "object" && saved.params !== null ? saved.params : {}) as Record<string, unknown>;
  const params: Record<string, number> = {};
  for (const [name, range] of Object.entries(spec.params)) params[name] = inRange(savedParams[name], range) ?? range.value;
  return {
    params,
    ...(spec.dose === undefined ? {} : { dose: inRange(saved.dose, spec.dose) ?? spec.dose.value }),
    logY: typeof saved.logY === "boolean" ? saved.logY : spec.logY,
  };
}

function inRange(value: unknown, range: { min: number; max: number }): number | undefined {
  return typeof value === "number" && value >= range.min && value <= range.max ? value : undefined;
}
