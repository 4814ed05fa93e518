import type { Dataset, EventRecord } from "../dosing/types.js";
import { DatasetError } from "./dataset-error.js";
import { isNonmemColumn } from "./nonmem-columns.js";
import type { NonmemColumn } from "./nonmem-columns.js";
import { TableReader } from "./parse-table.js";
import type { TableRow } from "./table-row.js";
import { readRecord } from "./read-record.js";
import type { ColumnIndex } from "./read-record.js";
import { validateRecord } from "./validate-record.js";

/** Options of `readDataset` and `DatasetReader`. */
export interface ReadDatasetOptions {
  /**
   * What an ID that comes back after rows of another ID means. "new-subject" (default) is
   * NONMEM's rule: each contiguous run of rows with one ID is an individual record, so the
   * later run is a separate subject (with the same id). "error" rejects it instead.
   */
  repeatedIds?: "new-subject" | "error";
  /** The longest line accepted, in UTF-8 bytes (default 1,048,576); a longer one is an error. */
  maxLineLength?: number;
  /**
   * The most rows one subject may have (default {@link MAX_SUBJECT_ROWS}): a subject is held
   * whole until its last row, at a few hundred bytes a row.
   */
  maxSubjectRows?: number;
}

/** Rows one subject may have by default: 2,000,000 (about 600 MB held while it is read). */
export const MAX_SUBJECT_ROWS = 2_000_000;

type Subject = Dataset["subjects"][number];

/**
 * Reads a NONMEM-format CSV dataset that arrives in pieces (a file stream), handing back
 * each subject as soon as it is complete, so a large file is never held whole: memory holds
 * one piece, one unfinished line and the current subject. `push` returns the subjects that
 * the piece completed (a subject is complete when a row of another ID begins), `end` the
 * last one. The rules and errors are those of `readDataset`, which is this reader fed the
 * whole text at once; `end` also refuses a dataset with a header but no data rows.
 *
 * @example
 * const reader = new DatasetReader();
 * reader.push("ID,TIME,AMT\n1,0,100\n1,2,0\n2,0,"); // [] (ID 1 may go on)
 * reader.push("50\n").map((s) => s.id);             // [1]
 * reader.end().map((s) => s.id);                     // [2]
 */
export class DatasetReader {
  private readonly table: TableReader;
  private columns: ColumnIndex | undefined;
  private headerLine = 0;
  private rowCount = 0;
  private current: Subject | undefined;
  private readonly seen = new Set<number>();
  /** Subjects completed by the piece being read. */
  private done: Subject[] = [];
  private readonly onRow = (row: TableRow): void => this.take(row);

  constructor(private readonly options: ReadDatasetOptions = {}) {
    this.table = new TableReader(options.maxLineLength);
  }

  /** The header's column names as written (empty before the header has arrived). */
  get header(): readonly string[] {
    return this.columns?.header ?? [];
  }

  /** The covariate column names, in file order. */
  get covariates(): string[] {
    return (this.columns?.covariates ?? []).map((c) => c.name);
  }

  /** True when the header has the NONMEM column `name` (any case). */
  has(name: NonmemColumn): boolean {
    return this.columns?.nonmem[name] !== undefined;
  }

  /** The subjects completed by this piece of text (a string, or UTF-8 bytes such as a file stream's chunk). */
  push(piece: string | Uint8Array): Subject[] {
    this.table.push(piece, this.onRow);
    return this.completed();
  }

  /** The subjects left at the end of the text. */
  end(): Subject[] {
    this.table.end(this.onRow);
    const done = this.completed();
    if (!this.columns) throw new DatasetError("the dataset is empty: a header line (ID,TIME,…) is required");
    if (this.rowCount === 0) throw new DatasetError("the dataset has a header but no data rows", { line: this.headerLine });
    if (this.current) done.push(this.current);
    this.current = undefined;
    return done;
  }

  private completed(): Subject[] {
    const done = this.done;
    this.done = [];
    return done;
  }

  private take(cells: TableRow): void {
    if (!this.columns) {
      this.columns = columnIndex(cells.all(), cells.line);
      this.headerLine = cells.line;
      return;
    }
    const finished = this.add(cells, this.columns);
    if (finished) this.done.push(finished);
  }

  /** Adds one data row; returns the previous subject when this row starts a new one. */
  private add(cells: TableRow, columns: ColumnIndex): Subject | undefined {
    const row = ++this.rowCount;
    const line = cells.line;
    if (cells.length !== columns.header.length) {
      throw new DatasetError(`has ${cells.length} fields but the header has ${columns.header.length}`, { row, line });
    }
    const record = readRecord(cells, columns, row);
    validateRecord(record, line);
    const current = this.current;
    if (current && current.id === record.id) {
      inTimeOrder(current.records[current.records.length - 1], record, line, columns);
      const most = this.options.maxSubjectRows ?? MAX_SUBJECT_ROWS;
      if (current.records.length === most) {
        throw new DatasetError(`ID ${record.id} has more than ${most.toLocaleString("en-US")} rows; one subject is held whole while it is read, so split it (or give fewer rows)`, { row, line });
      }
      current.records.push(record);
      return undefined;
    }
    if (this.seen.has(record.id) && this.options.repeatedIds === "error") {
      throw new DatasetError(`ID ${record.id} appears again after rows of other IDs; keep each subject's rows together`, {
        row,
        line,
        column: columns.header[columns.nonmem.ID as number],
      });
    }
    this.seen.add(record.id);
    this.current = { id: record.id, records: [record] };
    return current;
  }
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
