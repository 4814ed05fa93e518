// Model layer: the pmxlab model format, its compiler and parameter vectors.
export { parseModel } from "./parse-model.js";
export { defineModel } from "./define-model.js";
export { checkParameters } from "./check-parameters.js";
export { parameterVector } from "./parameter-vector.js";
export { ModelError } from "./model-error.js";
export { ParameterError } from "./parameter-error.js";
export { doseModifier, isDoseModifier } from "./dose-modifier.js";
export type { CompartmentDefinition, ModelDefinition, OutputDefinition, QuantityDefinition } from "./definition.js";
export type { CompartmentSpec, DerivedSpec, Model, MolecularWeight, OutputSpec, ParameterSpec, RouteSpec } from "./types.js";
export { sensitivityName, sensitivitySystem } from "./sensitivity-system.js";
