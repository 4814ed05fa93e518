import type { Dataset } from "../dosing/types.js";
import { DatasetReader, type ReadDatasetOptions } from "./dataset-reader.js";

/**
 * Reads a NONMEM-format CSV dataset. Column names are case-insensitive; `ID` and `TIME`
 * are required; `EVID, AMT, CMT, RATE, II, ADDL, SS, DV, MDV` are optional and take
 * NONMEM's defaults (see `readRecord`: EVID 1 when AMT > 0, else 0, or 2 when MDV is 1;
 * MDV 1 on rows that are not observations; CMT 1 on doses; RATE/II/ADDL/SS 0; DV "." or
 * empty = NaN). Every other column is a numeric covariate ("." or empty = NaN), kept by its
 * header name. Blank lines and lines starting with "#" are skipped.
 *
 * Subjects are kept in file order; rows of one subject must be in time order (equal times
 * keep their row order). Every rule in `validateRecord` is checked, numbers must be finite
 * (`1e309` is refused) and at least one data row must follow the header; the first
 * violation throws a `DatasetError` with `row` (1-based data row), `line` (file line) and
 * `column`. For a file too large to hold twice, use `DatasetReader`, which this calls.
 *
 * @example
 * const d = readDataset("ID,TIME,AMT,DV\n1,0,100,.\n1,2,0,3.1\n");
 * d.subjects[0].records[0].evid; // 1 (a dose: AMT > 0)
 * d.subjects[0].records[1].mdv; // 0 (an observation)
 */
export function readDataset(csv: string, options: ReadDatasetOptions = {}): Dataset {
  const reader = new DatasetReader(options);
  const subjects = reader.push(csv);
  subjects.push(...reader.end());
  return { covariates: reader.covariates, subjects };
}
