export { Regimen, parseRegimen } from "./regimen.js";
export type { DoseOptions } from "./regimen.js";
export type { Dataset, DoseEvent, EventRecord } from "./types.js";
