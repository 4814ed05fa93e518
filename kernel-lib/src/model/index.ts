export { parseModel, defineModel } from "./model.js";
export { checkParameters } from "./parameters.js";
export { ModelError, ParameterError } from "./errors.js";
export type { ModelDefinition, QuantityDefinition } from "./definition.js";
export type { CompartmentSpec, Model, OutputSpec, ParameterSpec } from "./types.js";
