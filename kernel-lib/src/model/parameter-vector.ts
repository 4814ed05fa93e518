import { ParameterError } from "./parameter-error.js";
import type { Model } from "./types.js";

// Position of each parameter and covariate name, built once per model: `simulate` builds a
// vector per subject.
const positions = new WeakMap<Model, Map<string, number>>();

/**
 * The parameter vector p of a model: every parameter's default value in declaration order,
 * then every covariate's default, with `values` (by name, parameters or covariates) put in
 * their places; with several value records, a later one wins over an earlier one (e.g.
 * population values, then a subject's). An unknown name throws a {@link ParameterError}
 * listing the known ones. Values are not range-checked here: pass the result to
 * `checkParameters`.
 *
 * @example
 * parameterVector(getModel("pk1cmt_iv"), { CL: 4 }); // Float64Array [4, V default, 1, 0]
 * parameterVector(getModel("pk1cmt_iv"), { CL: 4 }, { CL: 5 }); // Float64Array [5, V default, 1, 0]
 * parameterVector(getModel("pk1cmt_iv"), { CLL: 4 });
 * // ParameterError: unknown parameter "CLL" for model pk1cmt_iv; known: CL, V, F1, ALAG1
 */
export function parameterVector(model: Model, ...values: (Readonly<Record<string, number>> | undefined)[]): Float64Array {
  let index = positions.get(model);
  if (!index) {
    index = new Map([...model.parameters, ...model.covariateSpecs].map((q, i) => [q.name, i]));
    positions.set(model, index);
  }
  const np = model.parameters.length;
  const p = new Float64Array(np + model.covariateSpecs.length);
  for (let i = 0; i < np; i++) p[i] = model.parameters[i].value;
  for (let i = 0; i < model.covariateSpecs.length; i++) p[np + i] = model.covariateSpecs[i].value;
  for (const record of values) {
    if (!record) continue;
    // `{ __proto__: 5 }` sets the literal's prototype: the value would be silently ignored.
    const proto = Object.getPrototypeOf(record);
    if (proto !== null && proto !== Object.prototype) {
      throw new ParameterError(`parameter values for model ${model.name} have a key "__proto__" (taken by JavaScript as the object's prototype), which is not a parameter; known: ${[...index.keys()].join(", ")}`);
    }
    for (const name of Object.keys(record)) {
      const i = index.get(name);
      if (i === undefined) throw new ParameterError(`unknown parameter "${name}" for model ${model.name}; known: ${[...index.keys()].join(", ")}`);
      p[i] = record[name];
    }
  }
  return p;
}
