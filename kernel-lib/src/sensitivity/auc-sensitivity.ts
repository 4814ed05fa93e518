import { getModel } from "../library/index.js";
import { sensitivityName, sensitivitySystem } from "../model/index.js";
import type { Model } from "../model/types.js";
import { exposureModel, type SimulateOptions, type SimulationInput } from "../simulation/index.js";
import { SensitivityError } from "./sensitivity-error.js";
import { checkOutput, simulateChecked } from "./simulate-checked.js";

/** Options of {@link aucSensitivity}; the solver options default to rtol 1e-8, atol 1e-12. */
export interface AucSensitivityOptions extends SimulateOptions {
  /** Output whose AUC is differentiated (default the model's first output, e.g. CP). */
  output?: string;
  /** Parameters to differentiate by (default all but the dose modifiers F<k>, ALAG<k>). */
  parameters?: readonly string[];
  /** Start of the AUC interval (default 0). */
  from?: number;
  /** End of the AUC interval (required, finite). */
  to: number;
}

/** ∂AUC/∂θ of one output over [from, to]. */
export interface AucSensitivity {
  output: string;
  from: number;
  to: number;
  /** The AUC itself. */
  auc: number;
  parameters: string[];
  values: Record<string, number>;
  /** ∂AUC/∂θ by parameter. */
  derivative: Record<string, number>;
  /** (∂AUC/∂θ)·θ/AUC: the % change of AUC per % change of θ. */
  normalised: Record<string, number>;
}

/**
 * The AUC of an output over [from, to] and its derivatives with respect to the parameters,
 * directly: the model gets an AUC state (`exposureModel`, d/dt AUC = output) and the forward
 * sensitivity equations of the augmented model (`sensitivitySystem`) carry ∂AUC/∂θ as a state,
 * so the derivative is of the exact AUC (closed form for linear models), not of a trapezoid,
 * and needs no finite differences. Dose modifiers (F<k>, ALAG<k>) move the doses rather than the
 * equations and are refused here: use `localSensitivity` for them. One subject (no `subjects`).
 *
 * @example
 * const s = aucSensitivity("pk1cmt_iv", { regimen: "100 mg" }, { to: 24, parameters: ["CL", "V"] });
 * s.derivative.CL; // ∂/∂CL of (100/CL)(1 − exp(−CL·24/V))
 */
export function aucSensitivity(model: Model | string, input: Omit<SimulationInput, "subjects" | "times">, options: AucSensitivityOptions): AucSensitivity {
  const { output: outputName, parameters: names, from = 0, to, ...solver } = options;
  const m = typeof model === "string" ? getModel(model) : model;
  const output = checkOutput(m, outputName);
  if (!(Number.isFinite(from) && Number.isFinite(to) && to > from)) throw new SensitivityError(`the AUC interval needs finite from < to (got from ${from}, to ${to})`);
  const modifier = (name: string) => /^(F|ALAG)\d+$/.test(name);
  const parameters = [...(names ?? m.parameters.map((q) => q.name).filter((n) => !modifier(n)))];
  for (const name of parameters) {
    if (!m.parameters.some((q) => q.name === name)) throw new SensitivityError(`unknown parameter "${name}" for model ${m.name}; known: ${m.parameters.map((q) => q.name).join(", ")}`);
    if (modifier(name)) throw new SensitivityError(`${name} changes the doses, which the AUC sensitivity equations do not follow; use localSensitivity for it`);
  }
  const { model: withAuc, aucState } = exposureModel(m, [output]);
  const state = aucState.get(output) as string;
  const system = sensitivitySystem(withAuc, parameters);
  const sim = simulateChecked(system, { ...input, times: [from, to] }, { ...solver, rtol: solver.rtol ?? 1e-8, atol: solver.atol ?? 1e-12 });
  const increase = (column: string) => sim.states[column][1] - sim.states[column][0];
  const auc = increase(state);
  const values = Object.fromEntries(parameters.map((name) => [name, input.params?.[name] ?? (m.parameters.find((q) => q.name === name)?.value as number)]));
  const derivative = Object.fromEntries(parameters.map((name) => [name, increase(sensitivityName(state, name))]));
  const normalised = Object.fromEntries(parameters.map((name) => [name, (derivative[name] * values[name]) / auc]));
  return { output, from, to, auc, parameters, values, derivative, normalised };
}
