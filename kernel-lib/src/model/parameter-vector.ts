import { ParameterError } from "./parameter-error.js";
import type { Model } from "./types.js";

/**
 * The parameter vector p of a model: every parameter's default value in declaration order,
 * then every covariate's default, with `values` (by name, parameters or covariates) put in
 * their places. An unknown name throws a {@link ParameterError} listing the known ones.
 * Values are not range-checked here: pass the result to `checkParameters`.
 *
 * @example
 * parameterVector(getModel("pk1cmt_iv"), { CL: 4 }); // Float64Array [4, V default, 1, 0]
 * parameterVector(getModel("pk1cmt_iv"), { CLL: 4 });
 * // ParameterError: unknown parameter "CLL" for model pk1cmt_iv; known: CL, V, F1, ALAG1
 */
export function parameterVector(model: Model, values?: Readonly<Record<string, number>>): Float64Array {
  const specs = [...model.parameters, ...model.covariateSpecs];
  const p = Float64Array.from(specs, (q) => q.value);
  for (const name of Object.keys(values ?? {})) {
    const i = specs.findIndex((q) => q.name === name);
    if (i < 0) throw new ParameterError(`unknown parameter "${name}" for model ${model.name}; known: ${specs.map((q) => q.name).join(", ")}`);
    p[i] = (values as Record<string, number>)[name];
  }
  return p;
}
