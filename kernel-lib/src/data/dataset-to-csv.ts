import type { Dataset } from "../dosing/types.js";
import { NONMEM_COLUMNS } from "./nonmem-columns.js";
import { toCsv } from "./write-csv.js";

/**
 * A dataset as NONMEM CSV: every NONMEM column (`ID, TIME, EVID, AMT, CMT, RATE, II, ADDL,
 * SS, DV, MDV`), then the covariates in `dataset.covariates` order; NaN (a missing DV or
 * covariate) as ".". `readDataset(datasetToCsv(d))` gives back `d`.
 *
 * @example
 * datasetToCsv(readDataset("ID,TIME,AMT\n1,0,100\n"));
 * // "ID,TIME,EVID,AMT,CMT,RATE,II,ADDL,SS,DV,MDV\n1,0,1,100,1,0,0,0,0,.,1\n"
 */
export function datasetToCsv(dataset: Dataset): string {
  const rows = dataset.subjects.flatMap((s) =>
    s.records.map((r) => [
      r.id, r.time, r.evid, r.amt, r.cmt, r.rate, r.ii, r.addl, r.ss, r.dv, r.mdv,
      ...dataset.covariates.map((c) => r.covariates[c] ?? NaN),
    ]),
  );
  return toCsv([...NONMEM_COLUMNS, ...dataset.covariates], rows);
}
