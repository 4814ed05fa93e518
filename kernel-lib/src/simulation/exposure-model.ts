import { getModel } from "../library/index.js";
import { parseModel } from "../model/index.js";
import type { Model } from "../model/types.js";

/** A model with one more state per listed output: its running integral (the AUC from time 0). */
export interface ExposureModel {
  model: Model;
  /** State name of each output's AUC, by output name (e.g. CP → "AUC_CP"). */
  aucState: Map<string, string>;
}

const cache = new WeakMap<Model, Map<string, ExposureModel>>();

/**
 * Adds to a model written in the pmxlab model format a state `AUC_<output>` per listed output,
 * with d/dt(AUC_<output>) = the output's expression and AUC(0) = 0, placed after the model's own
 * compartments (so dose compartment numbers do not change). The AUC is then part of the
 * solution itself rather than a sum over an output grid: exact for a linear model, whose
 * augmented system is still linear and solved in closed form, and to the solver's tolerance
 * otherwise. The augmented model is compiled from source like any other, so its sensitivity
 * equations (`sensitivitySystem`) give ∂AUC/∂θ too. Cached per model and outputs.
 *
 * Throws when the model has no source text (built with `defineModel`) or an output is unknown.
 *
 * @example
 * const { model, aucState } = exposureModel(getModel("pk1cmt_iv"), ["CP"]);
 * simulate(model, { regimen: "100 mg", times: [24] }).states[aucState.get("CP")!]; // ∫₀²⁴ CP dt
 */
export function exposureModel(model: Model | string, outputs: readonly string[]): ExposureModel {
  const m = typeof model === "string" ? getModel(model) : model;
  const key = outputs.join(",");
  const known = cache.get(m)?.get(key);
  if (known) return known;
  if (m.source === undefined) {
    throw new Error(`model ${m.name} has no model text (it was built with defineModel), so an AUC state cannot be added to it; write it in the pmxlab model format (parseModel)`);
  }
  const taken = new Set([...m.compartments.map((c) => c.name), ...m.parameters.map((q) => q.name), ...m.covariates, ...m.outputs.map((o) => o.name), ...(m.derived ?? []).map((d) => d.name)]);
  const lines = m.source.split("\n");
  const aucState = new Map<string, string>();
  const states: string[] = [];
  const equations: string[] = [];
  for (const name of outputs) {
    const spec = m.outputs.find((o) => o.name === name);
    if (!spec) throw new Error(`model ${m.name} has no output "${name}"; outputs: ${m.outputs.map((o) => o.name).join(", ")}`);
    let state = `AUC_${name}`;
    while (taken.has(state)) state = `_${state}`;
    taken.add(state);
    aucState.set(name, state);
    states.push(`${state} : ${aucUnit(spec.unit, m.timeUnit)} : area under ${name} from time 0`);
    equations.push(`d/dt(${state}) = ${outputExpression(lines, name, m.name)}`);
  }
  const augmented = parseModel(insertAfterSection(insertAfterSection(lines, "$COMPARTMENTS", states), "$ODE", equations).join("\n"));
  const own = m.compartments.length;
  augmented.accumulators = [...(m.accumulators ?? []), ...states.map((_, i) => own + i)];
  const result = { model: augmented, aucState };
  if (!cache.has(m)) cache.set(m, new Map());
  cache.get(m)!.set(key, result);
  return result;
}

/** The unit of ∫ y dt: the output's unit times the time unit ("mg/L" over h → "mg/L*h"). */
function aucUnit(unit: string, time: string): string {
  if (unit === "1" || unit === "") return time;
  return /[/*]/.test(unit) ? `(${unit})*${time}` : `${unit}*${time}`;
}

/** The right-hand side of `name = … : unit : label` in the $OUTPUTS section. */
function outputExpression(lines: string[], name: string, model: string): string {
  const start = lines.findIndex((l) => l.trim().startsWith("$OUTPUTS"));
  for (let i = start + 1; i < lines.length && !lines[i].trim().startsWith("$"); i++) {
    const match = /^\s*([A-Za-z_]\w*)\s*=\s*([^:]+)/.exec(lines[i]);
    if (match && match[1] === name) return match[2].trim();
  }
  throw new Error(`model ${model}: the $OUTPUTS section has no line for ${name}`);
}

/** `lines` with `extra` added at the end of the section headed `header` (before the next $ header). */
function insertAfterSection(lines: string[], header: string, extra: string[]): string[] {
  const start = lines.findIndex((l) => l.trim().startsWith(header));
  let end = start + 1;
  while (end < lines.length && !lines[end].trim().startsWith("$")) end++;
  // Keep trailing blank lines of the section after the inserted ones.
  while (end > start + 1 && lines[end - 1].trim() === "") end--;
  return [...lines.slice(0, end), ...extra, ...lines.slice(end)];
}
