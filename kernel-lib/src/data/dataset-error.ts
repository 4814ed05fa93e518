/** A dataset problem, located: `row` is the 1-based data row, `line` the file line, `column` the header name. */
export class DatasetError extends Error {
  constructor(
    message: string,
    readonly row?: number,
    readonly column?: string,
  ) {
    super(row !== undefined ? `row ${row} (line ${row + 1})${column ? `, column ${column}` : ""}: ${message}` : message);
    this.name = "DatasetError";
  }

  /** Line in the file (the header is line 1). */
  get line(): number | undefined {
    return this.row === undefined ? undefined : this.row + 1;
  }
}
