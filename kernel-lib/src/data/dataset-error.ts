/** Where a dataset problem is: 1-based data row (header excluded), file line, column name. */
export interface DatasetLocation {
  row?: number;
  line?: number;
  column?: string;
}

/**
 * A dataset that cannot be read. The message starts with the location, e.g.
 * `row 7 (line 8), column TIME: TIME 2 is before the previous TIME 4 of ID 1; …`;
 * `row` counts data rows from 1 (header, blank and comment lines excluded), `line` counts
 * file lines from 1.
 */
export class DatasetError extends Error {
  readonly row?: number;
  readonly line?: number;
  readonly column?: string;

  constructor(message: string, where: DatasetLocation = {}) {
    super(`${describe(where)}${message}`);
    this.name = "DatasetError";
    this.row = where.row;
    this.line = where.line;
    this.column = where.column;
  }
}

function describe({ row, line, column }: DatasetLocation): string {
  const parts: string[] = [];
  if (row !== undefined) parts.push(line !== undefined ? `row ${row} (line ${line})` : `row ${row}`);
  else if (line !== undefined) parts.push(`line ${line}`);
  if (column !== undefined) parts.push(`column ${column}`);
  return parts.length > 0 ? `${parts.join(", ")}: ` : "";
}
