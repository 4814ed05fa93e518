export { simulate, EventError, DEFAULT_GRID_INTERVALS, DEFAULT_TAIL_HOURS } from "./simulate.js";
export { toModelDoses, DoseUnitError } from "./model-doses.js";
export type { BodySize } from "./body-size.js";
export type { RegimenLike, SimulateOptions, SimulationInput } from "./simulate.js";
export { Simulation } from "./simulation.js";
export type { SimulationRow } from "./simulation.js";
export type { SimulationColumns, SimulationMethod, SimulationResult, TimeGrid } from "./types.js";
export type { CovariateInterpolation } from "./covariate-interpolation.js";
