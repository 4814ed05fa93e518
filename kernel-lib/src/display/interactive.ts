import { formatDoses } from "../dosing/format-regimen.js";
import { parseRegimen } from "../dosing/index.js";
import { getModel, modelSource } from "../library/index.js";
import { parseModel } from "../model/index.js";
import type { Model } from "../model/types.js";
import type { RegimenLike } from "../simulation/index.js";
import { regimenDoses } from "../simulation/regimen-doses.js";
import type { TimeGrid } from "../simulation/types.js";
import { interactiveFigure } from "./interactive-figure.js";
import { InteractiveError } from "./interactive-error.js";
import { interactiveDoseUnit } from "./interactive-regimen.js";
import { interactiveSettings } from "./interactive-settings.js";
import { INTERACTIVE_MIME, INTERACTIVE_SPEC_VERSION, sliderRange, type InteractiveModelRef, type InteractiveSpec, type SliderRange } from "./interactive-spec.js";
import { toMimeBundle, type InteractiveBundle } from "./mime-bundle.js";

/**
 * A slider's range: `[min, max]`, or an object with optional `step` (default about 1/100
 * of the range, rounded to 1, 2 or 5 × 10^k), `value` (default the model's value of the
 * parameter, or the regimen's first dose) and `log` (slide in log scale; default false).
 */
export type RangeOption = readonly [number, number] | { min: number; max: number; step?: number; value?: number; log?: boolean };

/** Options of {@link interactive}. */
export interface InteractiveOptions {
  /** The doses, e.g. "100 mg q12h x 28" (text, a `Regimen` or dose records). */
  regimen: RegimenLike;
  /** Output times (default: simulate's grid to one interval past the last dose). */
  times?: ArrayLike<number> | TimeGrid;
  /** Per parameter: a slider range, or a number to fix it without a slider. */
  params?: Record<string, RangeOption | number>;
  /** A dose slider in mg: the first dose's amount, every dose scaled alike. */
  dose?: RangeOption;
  /** Outputs (or compartments) to plot; default the model's first output. */
  outputs?: string[];
  /** Start with a logarithmic y axis (default false). */
  logY?: boolean;
}

/**
 * An interactive simulation for the notebook: the model with sliders for the chosen
 * parameters (and the dose). Returns the MIME bundle to `show`: the versioned spec under
 * `application/vnd.pmxlab.interactive+json`, which the pmxlab JupyterLab extension draws
 * with sliders that re-simulate in the browser; the plotly figure of the starting values,
 * for any other front end; and a `text/plain` summary. The model must be serialisable: a
 * library model (by name or as returned by `getModel`) is sent by name, any other model
 * by its source text (`parseModel` models and model text work; `defineModel` models have
 * none, so write them as text). Bad options throw an `InteractiveError` naming the option.
 *
 * @example
 * import * as tslab from "tslab";
 * import { interactive, show } from "@pmxlab/kernel";
 * show(interactive("pk2cmt_oral", {
 *   regimen: "100 mg q12h x 28",
 *   times: { end: 336, step: 1 },
 *   params: { CL: [1, 20], V1: { min: 10, max: 200, log: true } },
 *   dose: { min: 25, max: 400 },
 * }), tslab);
 */
export function interactive(model: Model | string, options: InteractiveOptions): InteractiveBundle {
  const { ref, compiled } = resolveModel(model);
  const regimen = regimenText(options.regimen);
  const defaults = new Map([...compiled.parameters, ...compiled.covariateSpecs].map((q) => [q.name, q.value]));
  const params: Record<string, SliderRange> = {};
  const fixed: Record<string, number> = {};
  for (const [name, option] of Object.entries(options.params ?? {})) {
    const value = defaults.get(name);
    if (value === undefined) throw new InteractiveError(`params.${name}: ${compiled.name} has no parameter ${name}; known: ${[...defaults.keys()].join(", ")}`);
    if (typeof option === "number") fixed[name] = option;
    else params[name] = range(option, value, `params.${name}`);
  }
  const firstDose = parseRegimen(regimen).doses()[0]?.amount;
  if (options.dose !== undefined && firstDose === undefined) throw new InteractiveError('dose: the regimen has no doses to scale; give one such as "100 mg"');
  // A continuous infusion's dose is its rate over an open end: there is no amount to slide.
  if (options.dose !== undefined && !Number.isFinite(firstDose)) {
    throw new InteractiveError(`dose: the regimen "${regimen}" starts with a continuous infusion, which has no dose amount to scale; give it a duration ("… mg/h for 24 h") or a dose ("100 mg over 1 h")`);
  }
  const outputs = options.outputs ?? compiled.outputs.slice(0, 1).map((o) => o.name);
  const spec: InteractiveSpec = {
    version: INTERACTIVE_SPEC_VERSION,
    model: ref,
    regimen,
    times: options.times === undefined ? {} : "length" in options.times ? Array.from(options.times) : { ...options.times },
    params,
    fixed,
    ...(options.dose === undefined ? {} : { dose: range(options.dose, firstDose as number, "dose") }),
    outputs,
    logY: options.logY ?? false,
  };
  const figure = interactiveFigure(spec, interactiveSettings(spec), compiled);
  const sliders = [...Object.entries(params), ...(spec.dose ? [[`dose (${interactiveDoseUnit(regimen)})`, spec.dose] as const] : [])];
  const summary = `interactive simulation of ${compiled.name}, ${regimen}; sliders: ${sliders.map(([name, r]) => `${name} ${r.min}–${r.max}`).join(", ") || "none"} (moved in JupyterLab with pmxlab)`;
  // The static figure (plotly JSON and PNG) stands in where the sliders cannot run.
  const { "text/plain": _figureSummary, ...still } = toMimeBundle(figure);
  return { [INTERACTIVE_MIME]: spec, ...still, "text/plain": summary };
}

function resolveModel(model: Model | string): { ref: InteractiveModelRef; compiled: Model } {
  if (typeof model === "string") {
    if (librarySource(model) !== undefined) return { ref: { library: model }, compiled: getModel(model) };
    // Not a library name: model text, or a misspelt name, which getModel reports with the known names.
    return model.includes("$") ? { ref: { text: model }, compiled: parseModel(model) } : { ref: { library: model }, compiled: getModel(model) };
  }
  if (model.source === undefined) {
    throw new InteractiveError(`model ${model.name} has no source text (made with defineModel?); pass a library model name or model text (parseModel format)`);
  }
  if (librarySource(model.name) === model.source) return { ref: { library: model.name }, compiled: model };
  return { ref: { text: model.source }, compiled: model };
}

function librarySource(name: string): string | undefined {
  try {
    return modelSource(name);
  } catch {
    return undefined;
  }
}

function regimenText(regimen: RegimenLike): string {
  if (typeof regimen === "string") {
    parseRegimen(regimen);
    return regimen;
  }
  return formatDoses(regimenDoses(regimen));
}

function range(option: RangeOption, fallback: number, where: string): SliderRange {
  const [min, max] = "min" in option ? [option.min, option.max] : option;
  const given: { step?: number; value?: number; log?: boolean } = "min" in option ? option : {};
  const value = given.value ?? fallback;
  if (given.value === undefined && (value < min || value > max)) {
    throw new InteractiveError(`${where}: the default value ${value} is outside [${min}, ${max}]; widen the range or give a value`);
  }
  return sliderRange({ min, max, step: given.step ?? niceStep((max - min) / 100), value, log: given.log ?? false }, where);
}

/** 1, 2 or 5 × 10^k, the nearest at or below `x`. */
function niceStep(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return x;
  const power = 10 ** Math.floor(Math.log10(x));
  const mantissa = [5, 2, 1].find((m) => m * power <= x * (1 + 1e-9)) ?? 1;
  return Number((mantissa * power).toPrecision(1));
}
