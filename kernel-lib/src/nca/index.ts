export { nca } from "./nca.js";
export { ncaDataset } from "./nca-dataset.js";
export { ncaTable, ncaToCsv } from "./nca-table.js";
export type { NcaTable } from "./nca-table.js";
export { NcaError } from "./nca-error.js";
export { NCA_PARAMETERS } from "./types.js";
export type { AucMethod, BlqRule, BlqRules, NcaOptions, NcaParameter, NcaResult, NcaRoute, NcaSubject, PartialAuc } from "./types.js";
