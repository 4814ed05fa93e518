import type { Jacobian, Rhs } from "../ode/types.js";
import { registerParameterRules, type ParameterRule } from "../model/check-parameters.js";
import { finiteDifferenceJacobian } from "../model/jacobian.js";
import { registerOutputCode, type OutputCodeParts } from "../model/output-code.js";
import { registerRhsCode, type RhsCodeParts } from "../model/rhs-code.js";
import type { Model } from "../model/types.js";
import { warn } from "../warnings/index.js";

/**
 * A built-in model as the build compiled it (see `precompiledSource`): the compiled model's
 * data (with the source it was compiled from), its generated functions, the inlinable pieces
 * of its right-hand side and outputs and its parameters' sign rules.
 * @internal
 */
export interface PrecompiledModel {
  data: Omit<Model, "rhs" | "jacobian" | "init" | "output" | "accumulators"> & { source: string };
  rhs: Rhs;
  /** undefined: no symbolic derivative (min, max), central differences of rhs. */
  jacobian: Jacobian | undefined;
  init: Model["init"];
  output: Model["output"];
  rhsCode: RhsCodeParts;
  outputCode: OutputCodeParts;
  rules: (ParameterRule | null)[];
}

/**
 * The model of a precompiled entry, with what compiling registers beside it (the inlinable
 * right-hand side and outputs, the parameter rules) and its warnings sent as compiling sends them.
 * @internal
 */
export function precompiledModel(entry: PrecompiledModel): Model {
  const { data, rhs } = entry;
  const model: Model = {
    ...data,
    rhs,
    jacobian: entry.jacobian ?? finiteDifferenceJacobian(rhs, data.compartments.length),
    init: entry.init,
    output: entry.output,
  };
  registerRhsCode(rhs, entry.rhsCode);
  registerOutputCode(entry.output, entry.outputCode);
  registerParameterRules(model, entry.rules.map((rule) => rule ?? undefined));
  for (const w of model.warnings ?? []) warn(w);
  return model;
}
