import type { Model } from "../model/types.js";
import { localSensitivity } from "../sensitivity/index.js";
import type { SimulateOptions } from "../simulation/index.js";
import type { SubjectObservations } from "./observations.js";
import { preparedPrediction, type PreparedPrediction, type Prediction } from "./prepared-prediction.js";

export type { Prediction } from "./prepared-prediction.js";

/** What a prepared prediction was made for; `prediction` undefined: finite differences apply. */
interface Prepared {
  model: Model;
  names: string;
  output: string;
  options: SimulateOptions;
  prediction: PreparedPrediction | undefined;
}

/** Each subject's prepared predictions, newest first: a fit uses one or two (with and without derivatives). */
const preparedBySubject = new WeakMap<SubjectObservations, Prepared[]>();
const KEPT_PER_SUBJECT = 4;

/**
 * Predicts `output` at the subject's observations with parameter values `params` and
 * differentiates it by `names`: forward sensitivity equations (exact in closed form for
 * linear models, solver-accurate otherwise), run by a {@link PreparedPrediction} set up on
 * the first call for this subject, model, output, names and options object and reused
 * after; finite differences (`localSensitivity`) only for lag times and dataset
 * bioavailability. Solver tolerances default to rtol 1e-8, atol 1e-12.
 * @internal
 */
export function predict(model: Model, subject: SubjectObservations, params: Record<string, number>, names: readonly string[], output: string, options: SimulateOptions): Prediction {
  const key = names.join(",");
  let list = preparedBySubject.get(subject);
  if (!list) preparedBySubject.set(subject, (list = []));
  let entry = list.find((e) => e.model === model && e.names === key && e.output === output && e.options === options);
  if (!entry) {
    entry = { model, names: key, output, options, prediction: preparedPrediction(model, subject, names, output, options) };
    list.unshift(entry);
    list.length = Math.min(list.length, KEPT_PER_SUBJECT);
  }
  if (entry.prediction) return entry.prediction.run(params);
  const s = localSensitivity(model, { data: subject.data, params }, { ...options, output, parameters: [...names], zeroOutput: "nan" });
  const pick = (column: Float64Array) => Float64Array.from(subject.rows, (r) => column[r]);
  return { f: pick(s.value), jacobian: names.map((name) => pick(s.derivative[name])) };
}
