import type { Dataset, EventRecord } from "../dosing/types.js";
import { DatasetError } from "./dataset-error.js";
import { isNonmemColumn } from "./nonmem-columns.js";
import type { NonmemColumn } from "./nonmem-columns.js";
import { parseTable } from "./parse-table.js";
import { readRecord } from "./read-record.js";
import type { ColumnIndex } from "./read-record.js";
import { validateRecord } from "./validate-record.js";

/** Options of `readDataset`. */
export interface ReadDatasetOptions {
  /**
   * What an ID that comes back after rows of another ID means. "new-subject" (default) is
   * NONMEM's rule: each contiguous run of rows with one ID is an individual record, so the
   * later run is a separate subject (with the same id). "error" rejects it instead.
   */
  repeatedIds?: "new-subject" | "error";
}

/**
 * Reads a NONMEM-format CSV dataset. Column names are case-insensitive; `ID` and `TIME`
 * are required; `EVID, AMT, CMT, RATE, II, ADDL, SS, DV, MDV` are optional and take
 * NONMEM's defaults (see `readRecord`: EVID 1 when AMT > 0, else 0, or 2 when MDV is 1;
 * MDV 1 on rows that are not observations; CMT 1 on doses; RATE/II/ADDL/SS 0; DV "." or
 * empty = NaN). Every other column is a numeric covariate ("." or empty = NaN), kept by its
 * header name. Blank lines and lines starting with "#" are skipped.
 *
 * Subjects are kept in file order; rows of one subject must be in time order (equal times
 * keep their row order). Every rule in `validateRecord` is checked; the first violation
 * throws a `DatasetError` with `row` (1-based data row), `line` (file line) and `column`.
 *
 * @example
 * const d = readDataset("ID,TIME,AMT,DV\n1,0,100,.\n1,2,0,3.1\n");
 * d.subjects[0].records[0].evid; // 1 (a dose: AMT > 0)
 * d.subjects[0].records[1].mdv; // 0 (an observation)
 */
export function readDataset(csv: string, options: ReadDatasetOptions = {}): Dataset {
  const table = parseTable(csv);
  const columns = columnIndex(table.header, table.headerLine);
  const subjects: Dataset["subjects"] = [];
  const seen = new Set<number>();
  table.rows.forEach(({ cells, line }, i) => {
    const row = i + 1;
    if (cells.length !== table.header.length) {
      throw new DatasetError(`has ${cells.length} fields but the header has ${table.header.length}`, { row, line });
    }
    const record = readRecord(cells, columns, row, line);
    validateRecord(record, line);
    const current = subjects[subjects.length - 1];
    if (current && current.id === record.id) {
      inTimeOrder(current.records[current.records.length - 1], record, line, columns);
      current.records.push(record);
      return;
    }
    if (seen.has(record.id) && options.repeatedIds === "error") {
      throw new DatasetError(`ID ${record.id} appears again after rows of other IDs; keep each subject's rows together`, {
        row,
        line,
        column: columns.header[columns.nonmem.ID as number],
      });
    }
    seen.add(record.id);
    subjects.push({ id: record.id, records: [record] });
  });
  return { covariates: columns.covariates.map((c) => c.name), subjects };
}

function inTimeOrder(previous: EventRecord, record: EventRecord, line: number, columns: ColumnIndex): void {
  if (record.time >= previous.time) return;
  throw new DatasetError(
    `TIME ${record.time} is before the previous TIME ${previous.time} of ID ${record.id}; rows of one ID must be in time order`,
    { row: record.row, line, column: columns.header[columns.nonmem.TIME as number] },
  );
}

function columnIndex(header: string[], line: number): ColumnIndex {
  const columns: ColumnIndex = { header, nonmem: {}, covariates: [] };
  const seen = new Map<string, string>();
  header.forEach((name, index) => {
    if (name === "") throw new DatasetError(`header field ${index + 1} is empty; every column needs a name`, { line });
    const key = name.toUpperCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) throw new DatasetError(`column ${name} appears twice (also as ${earlier})`, { line, column: name });
    seen.set(key, name);
    if (isNonmemColumn(name)) columns.nonmem[key as NonmemColumn] = index;
    else columns.covariates.push({ name, index });
  });
  for (const required of ["ID", "TIME"] as const) {
    if (columns.nonmem[required] === undefined) {
      throw new DatasetError(`missing column ${required}; a dataset needs ID and TIME (found: ${header.join(", ")})`, { line });
    }
  }
  return columns;
}
