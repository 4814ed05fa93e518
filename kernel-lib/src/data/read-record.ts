import type { EventRecord } from "../dosing/types.js";
import { DatasetError } from "./dataset-error.js";
import { excerpt } from "./excerpt.js";
import type { NonmemColumn } from "./nonmem-columns.js";
import type { TableRow } from "./table-row.js";

/** Where each column sits in a row: NONMEM items by upper-case name, covariates by header name. */
export interface ColumnIndex {
  header: string[];
  nonmem: Partial<Record<NonmemColumn, number>>;
  covariates: { name: string; index: number }[];
}

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
export function readRecord(cells: TableRow, columns: ColumnIndex, row: number): EventRecord {
  const line = cells.line;
  const { nonmem } = columns;
  const id = required(cells, columns, nonmem.ID as number, "ID", row, line);
  if (Math.abs(id) > Number.MAX_SAFE_INTEGER) {
    // Beyond 2^53 neighbouring IDs are the same double: two subjects would silently become one.
    throw new DatasetError(`ID "${excerpt(cells.cell(nonmem.ID as number))}" is too large to tell apart from its neighbours (IDs must be at most 9007199254740991 in size)`, { row, line, column: columns.header[nonmem.ID as number] });
  }
  const time = required(cells, columns, nonmem.TIME as number, "TIME", row, line);
  const amt = cell(cells, columns, nonmem.AMT, 0, row, line);
  const givenMdv = nonmem.MDV === undefined ? undefined : cell(cells, columns, nonmem.MDV, 0, row, line);
  const evid = cell(cells, columns, nonmem.EVID, amt > 0 ? 1 : givenMdv === 1 ? 2 : 0, row, line);
  const dose = evid === 1 || evid === 4;
  const cmt = cell(cells, columns, nonmem.CMT, 0, row, line);
  let covariates = NO_COVARIATES;
  if (columns.covariates.length > 0) {
    covariates = Object.create(null) as Record<string, number>;
    for (const c of columns.covariates) covariates[c.name] = cell(cells, columns, c.index, NaN, row, line);
  }
  return {
    id,
    time,
    evid: evid as EventRecord["evid"],
    amt,
    cmt: dose && cmt === 0 ? 1 : cmt,
    rate: cell(cells, columns, nonmem.RATE, 0, row, line),
    ii: cell(cells, columns, nonmem.II, 0, row, line),
    addl: cell(cells, columns, nonmem.ADDL, 0, row, line),
    ss: cell(cells, columns, nonmem.SS, 0, row, line) as EventRecord["ss"],
    dv: cell(cells, columns, nonmem.DV, NaN, row, line),
    mdv: (givenMdv ?? (evid === 0 ? 0 : 1)) as EventRecord["mdv"],
    covariates,
    row,
  };
}

/** The number in column `index` (the ID or TIME column, passed by position rather than looked up by name on every row); missing is an error. */
function required(cells: TableRow, columns: ColumnIndex, index: number, name: "ID" | "TIME", row: number, line: number): number {
  const value = cell(cells, columns, index, NaN, row, line);
  if (Number.isNaN(value)) throw new DatasetError(`${name} is missing`, { row, line, column: columns.header[index] });
  return value;
}

/** The number in column `index` ("." or empty: `missing`; no such column: `missing`). */
function cell(cells: TableRow, columns: ColumnIndex, index: number | undefined, missing: number, row: number, line: number): number {
  if (index === undefined) return missing;
  const value = cells.number(index);
  if (value - value === 0) return value; // finite
  if (Number.isNaN(value)) {
    if (cells.missing(index)) return missing;
    throw new DatasetError(`"${excerpt(cells.cell(index))}" is not a number`, { row, line, column: columns.header[index] });
  }
  throw new DatasetError(`"${excerpt(cells.cell(index))}" is out of range (a number must be finite, at most about 1.8e308 in size)`, { row, line, column: columns.header[index] });
}
