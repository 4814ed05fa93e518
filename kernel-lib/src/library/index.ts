export { getModel, listModels, modelSource } from "./registry.js";
export type { ModelInfo } from "./registry.js";
