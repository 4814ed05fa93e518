import Papa from "papaparse";
import { DatasetError } from "./dataset-error.js";

/** One CSV row: trimmed cells and the file line it starts on. */
export interface TableRow {
  cells: string[];
  line: number;
}

/** The longest line `TableReader` holds while waiting for its end (characters). */
export const MAX_LINE_LENGTH = 1 << 20;

/**
 * Splits CSV text that arrives in pieces into rows (internal to `DatasetReader`). Cells are
 * trimmed; blank lines and lines starting with "#" (NONMEM's default IGNORE=#) are skipped.
 * Line endings may be \n, \r\n or \r, also when a piece ends between \r and \n; a leading
 * byte-order mark is dropped. Only complete lines are parsed (a quoted field may span
 * lines), so memory holds one piece and one unfinished line, never the whole text. A NUL
 * byte (binary input such as /dev/zero) and a line longer than `maxLineLength` are errors.
 */
export class TableReader {
  private pending = "";
  private line = 1;
  private started = false;
  private pendingCr = false;

  constructor(private readonly maxLineLength = MAX_LINE_LENGTH) {}

  /** The rows completed by this piece of text. */
  push(piece: string): TableRow[] {
    let text = piece;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (text.includes("\0")) {
      const before = this.pending + text.slice(0, text.indexOf("\0"));
      throw new DatasetError("the data holds a NUL byte, so it is not a CSV text file", { line: this.line + count(before, "\n") });
    }
    // A \r at the end of a piece may be the first half of \r\n: decide when the next piece comes.
    if (this.pendingCr) text = "\r" + text;
    this.pendingCr = text.endsWith("\r");
    if (this.pendingCr) text = text.slice(0, -1);
    text = this.pending + (text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text);
    const cut = completeLines(text);
    this.pending = text.slice(cut);
    if (this.pending.length > this.maxLineLength) {
      throw new DatasetError(`the line is longer than ${this.maxLineLength} characters with no line break; is this a CSV file?`, { line: this.line });
    }
    return cut === 0 ? [] : this.rows(text.slice(0, cut - 1));
  }

  /** The rows of the text after the last line break. */
  end(): TableRow[] {
    const rest = this.pending + (this.pendingCr ? "\n" : "");
    this.pending = "";
    this.pendingCr = false;
    return rest === "" ? [] : this.rows(rest.endsWith("\n") ? rest.slice(0, -1) : rest);
  }

  /** Rows of `block`: whole lines without the final line break. */
  private rows(block: string): TableRow[] {
    const rows: TableRow[] = [];
    if (!block.includes('"')) {
      // Without quotes a row is a line and a cell is the text between commas: exactly what
      // Papa's fast mode does, without its per-row bookkeeping (it took twice as long here).
      for (const text of block.split("\n")) keep(rows, text.split(","), this.line++);
      return rows;
    }
    let start = 0;
    let counted = 0;
    Papa.parse<string[]>(block, {
      delimiter: ",",
      newline: "\n",
      step: (result) => {
        // Count the newlines before this row's first character: that is its line number.
        for (; counted < start; counted++) if (block.charCodeAt(counted) === 10) this.line++;
        const error = result.errors[0];
        if (error) throw new DatasetError(`cannot read the CSV: ${error.message}`, { line: this.line });
        keep(rows, result.data, this.line);
        start = result.meta.cursor;
      },
    });
    this.line += count(block.slice(counted), "\n") + 1;
    return rows;
  }
}

/** Adds a row unless it is blank or a comment; trims its cells in place. */
function keep(rows: TableRow[], cells: string[], line: number): void {
  let blank = true;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i].trim();
    cells[i] = cell;
    if (cell !== "") blank = false;
  }
  if (!blank && cells[0].charCodeAt(0) !== 35) rows.push({ cells, line });
}

/** Length of the text's leading complete lines: up to the last \n outside quotes (0 if none). */
function completeLines(text: string): number {
  if (!text.includes('"')) return text.lastIndexOf("\n") + 1;
  let quoted = false;
  let cut = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 10 && !quoted) cut = i + 1;
  }
  return cut;
}

function count(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) n++;
  return n;
}
