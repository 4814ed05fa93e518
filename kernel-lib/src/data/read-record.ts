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
 * A cell that is not a number is an error naming the row, line, column and text.
 */
export function readRecord(cells: readonly string[], columns: ColumnIndex, row: number, line: number): EventRecord {
  const cell = (index: number, missing: number): number => {
    const text = cells[index];
    if (text === "" || text === ".") return missing;
    if (!NUMBER.test(text)) {
      throw new DatasetError(`"${text}" is not a number`, { row, line, column: columns.header[index] });
    }
    return Number(text);
  };
  const item = (name: NonmemColumn, missing: number): number => {
    const index = columns.nonmem[name];
    return index === undefined ? missing : cell(index, missing);
  };
  const required = (name: "ID" | "TIME"): number => {
    const index = columns.nonmem[name] as number;
    const value = cell(index, NaN);
    if (Number.isNaN(value)) throw new DatasetError(`${name} is missing`, { row, line, column: columns.header[index] });
    return value;
  };

  const id = required("ID");
  const time = required("TIME");
  const amt = item("AMT", 0);
  const givenMdv = columns.nonmem.MDV === undefined ? undefined : item("MDV", 0);
  const evid = item("EVID", amt > 0 ? 1 : givenMdv === 1 ? 2 : 0);
  const dose = evid === 1 || evid === 4;
  const cmt = item("CMT", 0);
  const covariates: Record<string, number> = {};
  for (const c of columns.covariates) covariates[c.name] = cell(c.index, NaN);
  return {
    id,
    time,
    evid: evid as EventRecord["evid"],
    amt,
    cmt: dose && cmt === 0 ? 1 : cmt,
    rate: item("RATE", 0),
    ii: item("II", 0),
    addl: item("ADDL", 0),
    ss: item("SS", 0) as EventRecord["ss"],
    dv: item("DV", NaN),
    mdv: (givenMdv ?? (evid === 0 ? 0 : 1)) as EventRecord["mdv"],
    covariates,
    row,
  };
}
