import type { TimeGrid } from "../simulation/types.js";
import { InteractiveError } from "./interactive-error.js";

/** The MIME type of an interactive simulation, drawn by the pmxlab JupyterLab extension with sliders. */
export const INTERACTIVE_MIME = "application/vnd.pmxlab.interactive+json";

/** The version of {@link InteractiveSpec} this library writes and reads. */
export const INTERACTIVE_SPEC_VERSION = 1;

/**
 * One slider: its range, step and starting value. With `log` the slider moves evenly in
 * log(value) (so 0.1–100 gives each decade the same travel) and `min` must be > 0.
 */
export interface SliderRange {
  min: number;
  max: number;
  step: number;
  value: number;
  log: boolean;
}

/** The model of an interactive simulation: a library model by name, or model text (pmxlab model format). */
export type InteractiveModelRef = { library: string } | { text: string };

/**
 * An interactive simulation as plain, versioned JSON: everything a front end needs to
 * re-simulate it without the kernel. Written by `interactive()`, read by
 * {@link parseInteractiveSpec}.
 */
export interface InteractiveSpec {
  version: typeof INTERACTIVE_SPEC_VERSION;
  model: InteractiveModelRef;
  /** Regimen text, e.g. "100 mg q12h x 28"; the dose slider scales every dose of it. */
  regimen: string;
  /** Output times: an increasing list or a grid (`{}` = simulate's default grid). */
  times: number[] | TimeGrid;
  /** The parameters on sliders, in slider order. */
  params: Record<string, SliderRange>;
  /** Parameters set to a value without a slider. */
  fixed: Record<string, number>;
  /** The dose slider (the amount of the regimen's first dose, in its unit: `interactiveDoseUnit`), when there is one. */
  dose?: SliderRange;
  /** The outputs (or compartments) plotted, one line each. */
  outputs: string[];
  /** Start with a logarithmic y axis. */
  logY: boolean;
}

/**
 * Reads an interactive spec from a MIME payload (object or JSON string), checking every
 * field, so a renderer never simulates from half a spec. Throws one `InteractiveError`
 * naming the field and the problem.
 *
 * @example
 * const spec = parseInteractiveSpec(bundle["application/vnd.pmxlab.interactive+json"]);
 * Object.keys(spec.params); // ["CL", "V"]
 */
export function parseInteractiveSpec(value: unknown): InteractiveSpec {
  let spec: unknown = value;
  if (typeof value === "string") {
    try {
      spec = JSON.parse(value);
    } catch (error) {
      throw new InteractiveError(`the spec is not JSON (${(error as Error).message})`);
    }
  }
  const s = record(spec, "the spec");
  if (s.version !== INTERACTIVE_SPEC_VERSION) {
    throw new InteractiveError(`spec version ${JSON.stringify(s.version)} is not supported (this pmxlab reads version ${INTERACTIVE_SPEC_VERSION})`);
  }
  const params: Record<string, SliderRange> = {};
  for (const [name, range] of Object.entries(record(s.params, "params"))) params[name] = sliderRange(range, `params.${name}`);
  const fixed: Record<string, number> = {};
  for (const [name, v] of Object.entries(record(s.fixed ?? {}, "fixed"))) fixed[name] = finite(v, `fixed.${name}`);
  const outputs = s.outputs;
  if (!Array.isArray(outputs) || outputs.length === 0 || !outputs.every((o) => typeof o === "string")) {
    throw new InteractiveError(`"outputs" must be a non-empty list of output names, got ${JSON.stringify(outputs)}`);
  }
  if (typeof s.regimen !== "string") throw new InteractiveError(`"regimen" must be regimen text, got ${JSON.stringify(s.regimen)}`);
  return {
    version: INTERACTIVE_SPEC_VERSION,
    model: modelRef(s.model),
    regimen: s.regimen,
    times: timeSpec(s.times),
    params,
    fixed,
    ...(s.dose === undefined ? {} : { dose: sliderRange(s.dose, "dose") }),
    outputs,
    logY: s.logY === true,
  };
}

/**
 * Internal: checks one slider range (also used for `interactive()`'s options once
 * defaults are filled in): finite numbers, min < max, step > 0, min ≤ value ≤ max, and
 * min > 0 on a log slider.
 */
export function sliderRange(value: unknown, where: string): SliderRange {
  const r = record(value, where);
  const range = {
    min: finite(r.min, `${where}.min`),
    max: finite(r.max, `${where}.max`),
    step: finite(r.step, `${where}.step`),
    value: finite(r.value, `${where}.value`),
    log: r.log === true,
  };
  if (!(range.min < range.max)) throw new InteractiveError(`${where}: min ${range.min} must be below max ${range.max}`);
  if (!(range.step > 0)) throw new InteractiveError(`${where}: step ${range.step} must be > 0`);
  if (range.log && !(range.min > 0)) throw new InteractiveError(`${where}: a log slider needs min > 0, got ${range.min}`);
  if (range.value < range.min || range.value > range.max) {
    throw new InteractiveError(`${where}: value ${range.value} is outside [${range.min}, ${range.max}]`);
  }
  return range;
}

function modelRef(value: unknown): InteractiveModelRef {
  const m = record(value, "model");
  if (typeof m.library === "string") return { library: m.library };
  if (typeof m.text === "string") return { text: m.text };
  throw new InteractiveError(`"model" must be { library: name } or { text: model text }, got ${JSON.stringify(value)}`);
}

function timeSpec(value: unknown): number[] | TimeGrid {
  if (Array.isArray(value)) return value.map((t, k) => finite(t, `times[${k}]`));
  const grid = record(value ?? {}, "times");
  const result: TimeGrid = {};
  for (const key of ["start", "end", "step"] as const) if (grid[key] !== undefined) result[key] = finite(grid[key], `times.${key}`);
  return result;
}

function record(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InteractiveError(`${where} must be an object, got ${JSON.stringify(value) ?? String(value)}`);
  }
  return value as Record<string, unknown>;
}

function finite(value: unknown, where: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new InteractiveError(`${where} must be a finite number, got ${JSON.stringify(value) ?? String(value)}`);
  }
  return value;
}
