import { getModel } from "../library/index.js";
import { ModelError, sensitivityName, sensitivitySystem } from "../model/index.js";
import type { DoseEvent } from "../dosing/types.js";
import { doseModifier } from "../model/dose-modifier.js";
import type { Model } from "../model/types.js";
import type { SimulateOptions, SimulationInput } from "../simulation/index.js";
import { regimenDoses } from "../simulation/regimen-doses.js";
import { bioavailabilityJumps } from "./bioavailability-jumps.js";
import { SensitivityError } from "./sensitivity-error.js";
import { checkOutput, simulateChecked } from "./simulate-checked.js";

/** How a derivative was computed: forward sensitivity equations, or central finite differences. */
export type DerivativeMethod = "equations" | "finite-difference";

/** Options of {@link localSensitivity}; the solver options default to rtol 1e-8, atol 1e-12. */
export interface LocalSensitivityOptions extends SimulateOptions {
  /** Model output to differentiate; default the model's first output (e.g. CP). */
  output?: string;
  /** Parameters to differentiate by; default all of the model's parameters. */
  parameters?: readonly string[];
  /**
   * "auto" (default): sensitivity equations wherever they apply (see {@link localSensitivity}),
   * finite differences elsewhere; "equations" (throws where they do not apply);
   * "finite-difference" for all.
   */
  derivative?: "auto" | DerivativeMethod;
  /** Relative step h/|p| of the finite differences (default 1e-4; h = 1e-4 when p = 0). */
  relativeStep?: number;
  /**
   * Where the output is 0 the normalised sensitivity divides by 0: "error" (default) throws
   * naming the time, "nan" writes NaN there.
   */
  zeroOutput?: "error" | "nan";
}

/**
 * Local sensitivities of one output y to parameters p over the simulated rows: the
 * derivative ∂y/∂p and the normalised (relative) sensitivity (∂y/∂p)·(p/y), the % change of
 * y per % change of p. `methods` says how each derivative was computed.
 */
export interface LocalSensitivity {
  output: string;
  id: Float64Array;
  time: Float64Array;
  /** The output y at each row. */
  value: Float64Array;
  parameters: string[];
  /** The parameter values the derivatives are taken at. */
  values: Record<string, number>;
  derivative: Record<string, Float64Array>;
  normalised: Record<string, Float64Array>;
  methods: Record<string, DerivativeMethod>;
}

/**
 * Local sensitivities of a model output to its parameters along a simulation, by the
 * forward sensitivity equations dS/dt = J·S + ∂f/∂p integrated with the model (see
 * `sensitivitySystem`: symbolic derivatives, closed form for linear models, the ODE solvers
 * otherwise, doses by the dosing engine; S does not jump at a dose whose amount does not
 * depend on p). Bioavailability F<k> scales the doses into k, so S_k jumps by the amount
 * AMT at each bolus and at the end of each infusion (whose duration F·AMT/RATE it sets):
 * those jumps are given as extra doses into S_k, in regimen mode without steady-state or
 * reset doses into k. Otherwise F<k>, and the lag times ALAG<k> always, are central finite
 * differences (∂y/∂p ≈ (y(p+h) − y(p−h))/2h, h = 1e-4·|p|; forward when p = 0), as are all
 * derivatives of a model built with `defineModel` or using min/max. `methods` tells which.
 *
 * @example
 * const s = localSensitivity("pk1cmt_iv", { regimen: "100 mg", times: [1, 2, 4] }, { parameters: ["CL", "V"] });
 * s.normalised.CL; // −CL·t/V at each time: [-0.24, -0.48, -0.96]
 */
export function localSensitivity(model: Model | string, input: Omit<SimulationInput, "subjects">, options: LocalSensitivityOptions = {}): LocalSensitivity {
  const { output: outputName, parameters: names, derivative: mode = "auto", relativeStep = 1e-4, zeroOutput = "error", ...solver } = options;
  const m = typeof model === "string" ? getModel(model) : model;
  const output = checkOutput(m, outputName);
  const parameters = [...(names ?? m.parameters.map((q) => q.name))];
  const valueOf = (name: string): number => {
    const spec = m.parameters.find((q) => q.name === name);
    if (!spec) throw new SensitivityError(`unknown parameter "${name}" for model ${m.name}; known: ${m.parameters.map((q) => q.name).join(", ")}`);
    return input.params?.[name] ?? spec.value;
  };
  const values = Object.fromEntries(parameters.map((name) => [name, valueOf(name)]));
  if (!(relativeStep > 0 && relativeStep < 1)) throw new SensitivityError(`relativeStep = ${relativeStep}: it must lie between 0 and 1`);
  const simOptions: SimulateOptions = { ...solver, rtol: solver.rtol ?? 1e-8, atol: solver.atol ?? 1e-12 };

  const modifiers = parameters.filter((name) => isDoseModifier(m, name));
  const jumps = new Map<string, DoseEvent[]>();
  for (const name of mode === "finite-difference" ? [] : modifiers) {
    const doses = bioavailabilityJumps(m, input, name, valueOf);
    if (doses) jumps.set(name, doses);
  }
  const inexact = modifiers.filter((name) => !jumps.has(name));
  if (mode === "equations" && inexact.length > 0) {
    throw new SensitivityError(
      `${inexact.join(", ")} ${inexact.length === 1 ? "changes" : "change"} the doses in a way the sensitivity equations do not follow (a lag time, or bioavailability with a dataset or steady state); use derivative: "auto" (finite differences for them)`,
    );
  }
  const methods: Record<string, DerivativeMethod> = {};
  let system: Model | undefined;
  const byEquations = mode === "finite-difference" ? [] : parameters.filter((name) => !inexact.includes(name));
  if (byEquations.length > 0) {
    try {
      system = sensitivitySystem(m, byEquations);
      for (const name of byEquations) methods[name] = "equations";
    } catch (error) {
      if (!(error instanceof ModelError) || mode === "equations") throw error;
    }
  }
  for (const name of parameters) methods[name] ??= "finite-difference";

  const base = simulateChecked(system ?? m, system && jumps.size > 0 ? withJumps(system, m, input, jumps) : input, simOptions);
  const value = base.outputs[output];
  const derivative: Record<string, Float64Array> = {};
  for (const name of parameters) {
    derivative[name] =
      methods[name] === "equations"
        ? base.outputs[sensitivityName(output, name)]
        : finiteDifference(values[name], relativeStep, (x) => simulateChecked(m, { ...input, params: { ...input.params, [name]: x } }, simOptions).outputs[output]);
  }
  const normalised: Record<string, Float64Array> = {};
  for (const name of parameters) {
    normalised[name] = derivative[name].map((d, r) => {
      if (value[r] !== 0) return (d * values[name]) / value[r];
      if (zeroOutput === "nan") return NaN;
      throw new SensitivityError(
        `output ${output} is 0 at t = ${base.time[r]} (ID ${base.id[r]}), so its normalised sensitivity (∂${output}/∂${name})·(${name}/${output}) is undefined there; leave that time out, or pass zeroOutput: "nan"`,
      );
    });
  }
  return { output, id: base.id, time: base.time, value, parameters, values, derivative, normalised, methods };
}

/** The input with each F<k>'s jumps as bolus doses into S_k = ∂y_k/∂F<k> of the augmented model. */
function withJumps(system: Model, model: Model, input: Omit<SimulationInput, "subjects">, jumps: Map<string, DoseEvent[]>): Omit<SimulationInput, "subjects"> {
  const doses = regimenDoses(input.regimen);
  for (const [name, extra] of jumps) {
    const state = model.compartments[Number(name.slice(1)) - 1].name;
    const cmt = system.compartments.findIndex((c) => c.name === sensitivityName(state, name)) + 1;
    doses.push(...extra.map((d) => ({ ...d, cmt })));
  }
  return { ...input, regimen: doses };
}

/** True for F<cmt> and ALAG<cmt> of an existing compartment: the dosing engine reads them. */
function isDoseModifier(model: Model, name: string): boolean {
  const modifier = doseModifier(name);
  return modifier !== undefined && modifier.cmt >= 1 && modifier.cmt <= model.compartments.length;
}

/** Central difference of `run` at x (forward when x = 0, where x − h may be out of range). */
function finiteDifference(x: number, relativeStep: number, run: (x: number) => Float64Array): Float64Array {
  const h = x === 0 ? relativeStep : relativeStep * Math.abs(x);
  const up = run(x + h);
  const down = run(x === 0 ? x : x - h);
  if (x === 0) return up.map((u, r) => (u - down[r]) / h);
  return up.map((u, r) => (u - down[r]) / (2 * h));
}
