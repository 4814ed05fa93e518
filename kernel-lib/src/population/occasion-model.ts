import type { Model } from "../model/types.js";
import { PopulationError } from "./population-error.js";

/** A model whose listed parameters are read, occasion by occasion, from covariates `IOV_<name>`. */
export interface OccasionModel {
  model: Model;
  /** The covariate carrying each parameter's value, in `names` order. */
  slots: string[];
}

/**
 * Wraps a model so that parameters `names` take their values from extra covariates
 * `IOV_<name>`, appended after the model's own covariates: a covariate may change at any
 * record of a dataset, a parameter may not, so this is how a parameter changes between
 * occasions. The compiled functions run unchanged on a copy of the parameter vector whose
 * slots for `names` hold the covariates' current values. Dose modifiers (F, ALAG) are read
 * by the event timeline, not by the model's functions, so they cannot vary by occasion here.
 *
 * @example
 * const { model, slots } = occasionModel(getModel("pk1cmt_iv"), ["CL"]); // slots: ["IOV_CL"]
 */
export function occasionModel(model: Model, names: readonly string[]): OccasionModel {
  const index = names.map((name) => {
    if (/^(F|ALAG)\d+$/.test(name)) throw new PopulationError(`IOV on ${name} is not supported: dose modifiers (F, ALAG) are fixed per subject`);
    const i = model.parameters.findIndex((q) => q.name === name);
    if (i < 0) throw new PopulationError(`IOV names "${name}", which is not a parameter of model ${model.name}; parameters: ${model.parameters.map((q) => q.name).join(", ")}`);
    return i;
  });
  const slots = names.map((name) => `IOV_${name}`);
  const first = model.parameters.length + model.covariates.length;
  const q = new Float64Array(first + names.length);
  const mapped = (p: Float64Array): Float64Array => {
    q.set(p.subarray(0, q.length));
    for (let k = 0; k < index.length; k++) q[index[k]] = p[first + k];
    return q;
  };
  return {
    slots,
    model: {
      ...model,
      name: `${model.name} (IOV on ${names.join(", ")})`,
      source: undefined,
      generated: undefined,
      covariates: [...model.covariates, ...slots],
      covariateSpecs: [
        ...model.covariateSpecs,
        ...names.map((name, k) => ({ ...model.parameters[index[k]], name: slots[k], label: `${name} on the current occasion` })),
      ],
      rhs: (t, y, p, dydt) => model.rhs(t, y, mapped(p), dydt),
      jacobian: (t, y, p, J) => model.jacobian(t, y, mapped(p), J),
      init: (p, y0) => model.init(mapped(p), y0),
      output: (t, y, p, out) => model.output(t, y, mapped(p), out),
    },
  };
}
