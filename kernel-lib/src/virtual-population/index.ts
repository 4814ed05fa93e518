export { generateVirtualPopulation } from "./generate-virtual-population.js";
export type { VirtualPopulationOptions } from "./generate-virtual-population.js";
export { VirtualPopulation, DEMOGRAPHIC_FIELDS } from "./virtual-population.js";
export type { VirtualSubjectRow } from "./virtual-population.js";
export { cockcroftGault } from "./cockcroft-gault.js";
export { NHANES_ADULTS, ADULT_BOUNDS } from "./nhanes-adults.js";
export type { DemographicBounds, DemographicField, DemographicStatistics, DrawnField, RandomSource, SexStatistics } from "./types.js";
