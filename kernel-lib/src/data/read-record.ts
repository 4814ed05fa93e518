import type { EventRecord } from "../dosing/types.js";
import { DatasetError } from "./dataset-error.js";
import type { NonmemColumn } from "./nonmem-columns.js";

/** Where each column sits in a row: NONMEM items by upper-case name, covariates by header name. */
export interface ColumnIndex {
  header: string[];
  nonmem: Partial<Record<NonmemColumn, number>>;
  covariates: { name: string; index: number }[];
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Covariates of a dataset without covariate columns: one shared, empty, prototype-free record. */
const NO_COVARIATES: Record<string, number> = Object.freeze(Object.create(null));

/**
 * One data row as an `EventRecord`, with NONMEM's defaults for empty cells and missing
 * columns (internal to `readDataset`; `validateRecord` checks the values afterwards):
 * - "." or an empty cell is missing: NaN for DV and covariates, 0 for the other items
 *   (as NONMEM reads "."), and an error for ID and TIME;
 * - EVID: 1 when AMT > 0; else 2 (other event) when MDV is 1; else 0 (observation);
 * - MDV: 0 on observation rows (EVID 0), 1 on every other row;
 * - CMT: 0 (the default output compartment) on observation rows; on dose rows (EVID 1, 4)
 *   a missing or 0 CMT is the default dose compartment, 1;
 * - RATE, II, ADDL, SS: 0.
 * A cell that is not a decimal number, or one beyond the double range (1e309), is an error
 * naming the row, line, column and text. Covariates are kept in a prototype-free record,
 * so a column may be named `__proto__` or `constructor`.
 */
export function readRecord(cells: readonly string[], columns: ColumnIndex, row: number, line: number): EventRecord {
  const cell = (index: number | undefined, missing: number): number => {
    if (index === undefined) return missing;
    const text = cells[index];
    if (text === "" || text === ".") return missing;
    const value = Number(text);
    if (!NUMBER.test(text)) throw new DatasetError(`"${text}" is not a number`, { row, line, column: columns.header[index] });
    if (!Number.isFinite(value)) {
      throw new DatasetError(`"${text}" is out of range (a number must be finite, at most about 1.8e308 in size)`, { row, line, column: columns.header[index] });
    }
    return value;
  };
  const { nonmem } = columns;
  const required = (name: "ID" | "TIME"): number => {
    const value = cell(nonmem[name], NaN);
    if (Number.isNaN(value)) throw new DatasetError(`${name} is missing`, { row, line, column: columns.header[nonmem[name] as number] });
    return value;
  };

  const id = required("ID");
  const time = required("TIME");
  const amt = cell(nonmem.AMT, 0);
  const givenMdv = nonmem.MDV === undefined ? undefined : cell(nonmem.MDV, 0);
  const evid = cell(nonmem.EVID, amt > 0 ? 1 : givenMdv === 1 ? 2 : 0);
  const dose = evid === 1 || evid === 4;
  const cmt = cell(nonmem.CMT, 0);
  let covariates = NO_COVARIATES;
  if (columns.covariates.length > 0) {
    covariates = Object.create(null) as Record<string, number>;
    for (const c of columns.covariates) covariates[c.name] = cell(c.index, NaN);
  }
  return {
    id,
    time,
    evid: evid as EventRecord["evid"],
    amt,
    cmt: dose && cmt === 0 ? 1 : cmt,
    rate: cell(nonmem.RATE, 0),
    ii: cell(nonmem.II, 0),
    addl: cell(nonmem.ADDL, 0),
    ss: cell(nonmem.SS, 0) as EventRecord["ss"],
    dv: cell(nonmem.DV, NaN),
    mdv: (givenMdv ?? (evid === 0 ? 0 : 1)) as EventRecord["mdv"],
    covariates,
    row,
  };
}
