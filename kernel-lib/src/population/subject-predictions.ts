import type { Dataset } from "../dosing/types.js";
import type { Model } from "../model/types.js";
import { simulate } from "../simulation/simulate.js";
import type { PopulationPlan } from "./population-plan.js";

/** The model output of a chunk's subjects, subject-major, and the first solver message. */
export interface Predictions {
  ipred: Float64Array;
  /** The output's AUC from time 0, subject-major like `ipred`, when the plan's model has an AUC state. */
  auc?: Float64Array;
  message: string;
}

/**
 * The model output (IPRED) of subjects first + 1 … with individual parameter values `subjects`:
 * one `simulate()` call with `subjects` overrides for a regimen; otherwise one call per subject,
 * since `simulate` takes per-subject parameters in regimen mode only — on a dataset design
 * (subject i follows dataset subject i mod S), or with IOV (the wrapped model, the regimen's
 * or dataset subject's records carrying the subject's values for each occasion,
 * `occasionValues[j]` occasion-major).
 *
 * @example
 * const { ipred } = predictions(plan, 0, [{ CL: 4 }, { CL: 6 }], []);
 */
export function predictions(plan: PopulationPlan, first: number, subjects: Record<string, number>[], occasionValues: Float64Array[]): Predictions {
  const { input, iov } = plan;
  const data = input.data;
  const own = input.subjectCovariates;
  // Subject first + j is subject (first + j) mod n of its replicate.
  const ownOf = (j: number) => own?.[((first + j) % input.n) % own.length];
  const covariatesOf = (j: number) => ({ ...input.covariates, ...ownOf(j) });
  if (iov) {
    const { model, slots } = iov.model;
    return oneByOne(plan, subjects, model, covariatesOf, (j) => {
      const values = occasionValues[j];
      const { records, occasion } = iov.occasions[(first + j) % iov.occasions.length];
      const byOccasion = Array.from({ length: iov.count }, (_, o) => Object.fromEntries(slots.map((slot, i) => [slot, values[o * slots.length + i]])));
      const own = records.map((r, i) => ({ ...r, covariates: { ...r.covariates, ...byOccasion[occasion[i]] } }));
      return { covariates: [...(data?.covariates ?? []), ...slots], subjects: [{ id: first + j + 1, records: own }] };
    });
  }
  if (data) {
    return oneByOne(plan, subjects, plan.model, covariatesOf, (j) => ({ covariates: data.covariates, subjects: [data.subjects[(first + j) % data.subjects.length]] }));
  }
  const individual = own ? subjects.map((values, j) => ({ ...ownOf(j), ...values })) : subjects;
  const sim = simulate(plan.model, { regimen: input.regimen, times: plan.times, params: input.params, covariates: input.covariates, subjects: individual }, plan.simulateOptions);
  return { ipred: sim.outputs[plan.output], auc: plan.aucState ? sim.states[plan.aucState] : undefined, message: sim.message };
}

function oneByOne(
  plan: PopulationPlan,
  subjects: Record<string, number>[],
  model: Model,
  covariatesOf: (j: number) => Readonly<Record<string, number>>,
  design: (j: number) => Dataset,
): Predictions {
  const T = plan.times.length;
  const ipred = new Float64Array(subjects.length * T);
  const auc = plan.aucState ? new Float64Array(subjects.length * T) : undefined;
  let message = "";
  subjects.forEach((values, j) => {
    const data = design(j);
    const sim = simulate(model, { data, params: { ...plan.input.params, ...values }, covariates: covariatesOf(j) }, plan.simulateOptions);
    ipred.set(sim.outputs[plan.output], j * T);
    if (auc) auc.set(sim.states[plan.aucState as string], j * T);
    message ||= sim.message;
  });
  return { ipred, auc, message };
}
