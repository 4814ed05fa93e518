export { Regimen } from "./regimen.js";
export type { ThenOptions } from "./regimen.js";
export type { DoseOptions } from "./dose-block.js";
export { parseRegimen } from "./parse-regimen.js";
export { RegimenError, REGIMEN_FORMS } from "./regimen-error.js";
export { expandDoses } from "./expand-doses.js";
export type { Dataset, DoseEvent, EventRecord } from "./types.js";
