import { compileModel } from "./compile-model.js";
import type { ModelDefinition } from "./definition.js";
import type { Model } from "./types.js";

/**
 * Compiles a model given as a TypeScript object, with the same checks and generated code as
 * {@link parseModel} (errors are `ModelError`s naming the item instead of a line).
 *
 * @example
 * const model = defineModel({
 *   name: "pk1cmt", description: "One-compartment IV bolus", timeUnit: "h",
 *   parameters: { CL: { value: 6, unit: "L/h", label: "clearance" }, V: { value: 25, unit: "L", label: "volume" } },
 *   compartments: { central: { unit: "mg" } },
 *   odes: { central: "-CL/V*central" },
 *   outputs: { CP: { expr: "central/V", unit: "mg/L" } },
 * });
 */
export function defineModel(definition: ModelDefinition): Model {
  return compileModel(definition);
}
