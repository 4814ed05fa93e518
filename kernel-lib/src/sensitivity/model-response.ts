import { getModel } from "../library/index.js";
import type { Model } from "../model/types.js";
import type { SimulateOptions, SimulationInput } from "../simulation/index.js";
import { SensitivityError } from "./sensitivity-error.js";
import { checkOutput, simulateChecked } from "./simulate-checked.js";
import type { ParameterFunction } from "./sobol-indices.js";

/**
 * A number that sums up one output over the simulated times: its maximum (`cmax`), the
 * time of the maximum (`tmax`), minimum (`cmin`), value at the last time (`last`), area
 * under the curve by the linear trapezoidal rule over the time grid (`auc`; as exact as
 * the grid is fine), or any function of the times and values.
 */
export type ResponseSummary = "auc" | "cmax" | "tmax" | "cmin" | "last" | ((time: Float64Array, value: Float64Array) => number);

/** Options of {@link modelResponse}. */
export interface ModelResponseOptions extends SimulateOptions {
  /** Output to sum up; default the model's first output (e.g. CP). */
  output?: string;
  /** Default "auc". */
  summary?: ResponseSummary;
}

const SUMMARIES: Record<Exclude<ResponseSummary, (...args: never[]) => number>, (time: Float64Array, value: Float64Array) => number> = {
  cmax: (_, v) => v.reduce((m, x) => Math.max(m, x), -Infinity),
  cmin: (_, v) => v.reduce((m, x) => Math.min(m, x), Infinity),
  tmax: (t, v) => t[v.indexOf(v.reduce((m, x) => Math.max(m, x), -Infinity))],
  last: (_, v) => v[v.length - 1],
  auc: (t, v) => {
    let area = 0;
    for (let k = 1; k < t.length; k++) area += ((v[k] + v[k - 1]) / 2) * (t[k] - t[k - 1]);
    return area;
  },
};

/**
 * A simulated model as a function of its parameters, for `sobolIndices`, `tornado` and
 * `spider`: params → summary of one output of one subject simulated with `input` (the
 * params replace `input.params` by name). An unknown parameter, output or summary, or an
 * input with more than one subject, throws a `SensitivityError`.
 *
 * @example
 * const auc = modelResponse("pk1cmt_oral", { regimen: "100 mg", times: { end: 72, step: 0.25 } }, { summary: "auc" });
 * auc({ CL: 6 }); // ≈ F·D/CL = 16.7 mg·h/L (minus the tail after 72 h)
 */
export function modelResponse(model: Model | string, input: Omit<SimulationInput, "subjects">, options: ModelResponseOptions = {}): ParameterFunction {
  const { output: outputName, summary = "auc", ...solver } = options;
  const m = typeof model === "string" ? getModel(model) : model;
  const output = checkOutput(m, outputName);
  const named = typeof summary === "string" && Object.prototype.hasOwnProperty.call(SUMMARIES, summary);
  const sum = typeof summary === "function" ? summary : named ? SUMMARIES[summary] : undefined;
  if (sum === undefined) throw new SensitivityError(`unknown summary "${String(summary)}"; use ${Object.keys(SUMMARIES).join(", ")} or a function (time, value) => number`);
  const known = new Set(m.parameters.map((q) => q.name));
  return (params) => {
    for (const name of Object.keys(params)) {
      if (!known.has(name)) throw new SensitivityError(`unknown parameter "${name}" for model ${m.name}; known: ${[...known].join(", ")}`);
    }
    const sim = simulateChecked(m, { ...input, params: { ...input.params, ...params } }, solver);
    if (sim.subjectIds().length !== 1) throw new SensitivityError(`modelResponse sums up one subject; the input has ${sim.subjectIds().length}`);
    return sum(sim.time, sim.outputs[output]);
  };
}
