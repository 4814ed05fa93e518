import type { Model } from "../model/types.js";
import { localSensitivity } from "../sensitivity/index.js";
import type { SimulateOptions } from "../simulation/index.js";
import type { SubjectObservations } from "./observations.js";

/** Model predictions at a subject's observations and their derivatives by the named parameters. @internal */
export interface Prediction {
  f: Float64Array;
  /** jacobian[k][i] = ∂f_i/∂(names[k]). */
  jacobian: Float64Array[];
}

/**
 * Predicts `output` at the subject's observations with parameter values `params` and
 * differentiates it by `names`: forward sensitivity equations (`localSensitivity`: exact
 * in closed form for linear models, solver-accurate otherwise; finite differences only for
 * lag times and dataset bioavailability). Solver tolerances default to rtol 1e-8, atol 1e-12.
 * @internal
 */
export function predict(model: Model, subject: SubjectObservations, params: Record<string, number>, names: readonly string[], output: string, options: SimulateOptions): Prediction {
  const s = localSensitivity(model, { data: subject.data, params }, { ...options, output, parameters: [...names], zeroOutput: "nan" });
  const pick = (column: Float64Array) => Float64Array.from(subject.rows, (r) => column[r]);
  return { f: pick(s.value), jacobian: names.map((name) => pick(s.derivative[name])) };
}
