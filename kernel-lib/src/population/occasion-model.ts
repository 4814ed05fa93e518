import type { Model } from "../model/types.js";
import { PopulationError } from "./population-error.js";

/** A model whose listed parameters are covariates, so that their values can change from occasion to occasion. */
export interface OccasionModel {
  model: Model;
  /** The covariates carrying the listed parameters (the same names), in the order given. */
  slots: string[];
}

/**
 * Wraps a model so that parameters `names` become covariates of the same name, appended after
 * the model's own covariates: a covariate may change at any record of a dataset, a parameter
 * may not, so this is how a parameter changes between occasions. The compiled functions run
 * unchanged on a copy of the parameter vector in the model's own layout. Dose modifiers
 * (F<cmt>, ALAG<cmt>) become covariates too, and the event timeline reads them at each dose
 * record, so a dose uses its own occasion's F and ALAG.
 *
 * @example
 * const { model, slots } = occasionModel(getModel("pk1cmt_oral"), ["F1", "KA"]);
 * model.parameters.map((q) => q.name); // ["CL", "V", "ALAG1"]
 * model.covariates; // ["F1", "KA"]
 */
export function occasionModel(model: Model, names: readonly string[]): OccasionModel {
  const varying = names.map((name) => {
    const i = model.parameters.findIndex((q) => q.name === name);
    if (i < 0) throw new PopulationError(`IOV names "${name}", which is not a parameter of model ${model.name}; parameters: ${model.parameters.map((q) => q.name).join(", ")}`);
    return i;
  });
  const fixed = model.parameters.flatMap((_, i) => (varying.includes(i) ? [] : [i]));
  const nc = model.covariates.length;
  // from[i]: where entry i of the model's own vector (parameters, then covariates) sits in the wrapper's.
  const from = new Int32Array(model.parameters.length + nc);
  fixed.forEach((i, k) => (from[i] = k));
  for (let c = 0; c < nc; c++) from[model.parameters.length + c] = fixed.length + c;
  varying.forEach((i, k) => (from[i] = fixed.length + nc + k));
  const q = new Float64Array(from.length);
  const mapped = (p: Float64Array): Float64Array => {
    for (let i = 0; i < from.length; i++) q[i] = p[from[i]];
    return q;
  };
  const slots = [...names];
  return {
    slots,
    model: {
      ...model,
      name: `${model.name} (IOV on ${names.join(", ")})`,
      source: undefined,
      generated: undefined,
      parameters: fixed.map((i) => model.parameters[i]),
      covariates: [...model.covariates, ...slots],
      covariateSpecs: [...model.covariateSpecs, ...varying.map((i) => ({ ...model.parameters[i], label: `${model.parameters[i].name} on the current occasion` }))],
      rhs: (t, y, p, dydt) => model.rhs(t, y, mapped(p), dydt),
      jacobian: (t, y, p, J) => model.jacobian(t, y, mapped(p), J),
      init: (p, y0) => model.init(mapped(p), y0),
      output: (t, y, p, out) => model.output(t, y, mapped(p), out),
    },
  };
}
