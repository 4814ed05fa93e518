export { simulate, EventError } from "./simulate.js";
export type { RegimenLike, SimulateOptions, SimulationInput } from "./simulate.js";
export { Simulation } from "./simulation.js";
export type { SimulationRow } from "./simulation.js";
export type { SimulationColumns, SimulationMethod, SimulationResult, TimeGrid } from "./types.js";
export type { CovariateInterpolation } from "./covariate-interpolation.js";
export { MAX_GRID_POINTS, MAX_RESULT_BYTES } from "./size-limits.js";
