import Papa from "papaparse";
import { DatasetError } from "./dataset-error.js";
import { TableRow } from "./table-row.js";

/** The longest line `TableReader` holds while waiting for its end (bytes). */
export const MAX_LINE_LENGTH = 1 << 20;

const utf8 = new TextDecoder();
const encoder = new TextEncoder();
const NONE = new Uint8Array(0);
const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf];

/**
 * Splits CSV text that arrives in pieces (UTF-8 bytes, or strings) into rows (internal to
 * `DatasetReader`). Cells are trimmed; blank lines and lines starting with "#" (NONMEM's
 * default IGNORE=#) are skipped. Line endings may be \n, \r\n or \r, also when a piece ends
 * between \r and \n or inside a character; a leading byte-order mark is dropped. Only
 * complete lines are parsed (a quoted field may span lines), so memory holds one piece and
 * one unfinished line, never the whole text. A NUL byte (binary input such as /dev/zero)
 * and a line longer than `maxLineLength` bytes are errors. Each row goes to the callback as
 * one reused `TableRow`, read in place: the bytes are scanned as they are, and only rows
 * with quotes or non-ASCII text are decoded to strings.
 */
export class TableReader {
  private pending: Uint8Array = NONE;
  private line = 1;
  private started = false;
  private pendingCr = false;
  /** A string piece's last UTF-16 unit when it is the first half of a surrogate pair. */
  private highSurrogate = "";
  private readonly row = new TableRow();

  constructor(private readonly maxLineLength = MAX_LINE_LENGTH) {}

  /** Hands `onRow` the rows completed by this piece of text. */
  push(piece: string | Uint8Array, onRow: (row: TableRow) => void): void {
    // A plain Uint8Array view (of a Node file chunk, say): one kind of array keeps the byte loops monomorphic.
    let bytes = typeof piece === "string" ? this.encode(piece) : new Uint8Array(piece.buffer, piece.byteOffset, piece.byteLength);
    const nul = bytes.indexOf(0);
    if (nul !== -1) {
      const line = this.line + count(this.pending, 10) + count(bytes.subarray(0, nul), 10);
      throw new DatasetError("the data holds a NUL byte, so it is not a CSV text file", { line });
    }
    // A \r at the end of a piece may be the first half of \r\n: decide when the next piece comes.
    if (this.pendingCr && bytes.length > 0) bytes = join(Uint8Array.of(13), bytes);
    if (bytes.length > 0) this.pendingCr = bytes[bytes.length - 1] === 13;
    if (this.pendingCr) bytes = bytes.subarray(0, bytes.length - 1);
    const text = this.withoutMark(join(this.pending, bytes.indexOf(13) === -1 ? bytes : newlines(bytes)), false);
    if (text === undefined) {
      this.pending = new Uint8Array(join(this.pending, bytes));
      return;
    }
    const cut = completeLines(text);
    // A copy: the piece's buffer (a file stream's) is not kept alive by its tail.
    this.pending = new Uint8Array(text.subarray(cut));
    if (this.pending.length > this.maxLineLength) {
      throw new DatasetError(`the line is longer than ${this.maxLineLength} bytes with no line break; is this a CSV file?`, { line: this.line });
    }
    if (cut > 0) this.rows(text, cut - 1, onRow);
  }

  /** Hands `onRow` the rows of the text after the last line break. */
  end(onRow: (row: TableRow) => void): void {
    let rest = join(this.pending, encoder.encode(this.highSurrogate));
    if (this.pendingCr) rest = join(rest, Uint8Array.of(10));
    rest = this.withoutMark(rest, true) as Uint8Array;
    this.pending = NONE;
    this.pendingCr = false;
    this.highSurrogate = "";
    if (rest.length > 0) this.rows(rest, rest[rest.length - 1] === 10 ? rest.length - 1 : rest.length, onRow);
  }

  /** A string piece as UTF-8, holding back a last unit that is half of a surrogate pair until the next piece. */
  private encode(piece: string): Uint8Array {
    let text = this.highSurrogate + piece;
    this.highSurrogate = "";
    const last = text.charCodeAt(text.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      this.highSurrogate = text.slice(-1);
      text = text.slice(0, -1);
    }
    return encoder.encode(text);
  }

  /** The text without a leading byte-order mark; undefined while it is too short to tell (and not `final`). */
  private withoutMark(text: Uint8Array, final: boolean): Uint8Array | undefined {
    if (this.started) return text;
    if (!final && text.length < 3 && BYTE_ORDER_MARK.slice(0, text.length).every((b, i) => text[i] === b)) return undefined;
    this.started = true;
    return BYTE_ORDER_MARK.every((b, i) => text[i] === b) ? text.subarray(3) : text;
  }

  /** Rows of `text[0]` … `text[end - 1]`: whole lines without the final line break. */
  private rows(text: Uint8Array, end: number, onRow: (row: TableRow) => void): void {
    const row = this.row;
    const quote = text.indexOf(34);
    if (quote === -1 || quote >= end) {
      // Without quotes a row is a line and a cell is the text between commas: exactly what
      // Papa's fast mode does, read in place (Papa's per-row bookkeeping took twice as long,
      // a string per cell as long again).
      for (let start = 0; start <= end; ) {
        let stop = row.setPlain(text, start, end, this.line);
        if (stop < 0) {
          stop = text.indexOf(10, start);
          if (stop === -1 || stop > end) stop = end;
          row.setCells(utf8.decode(text.subarray(start, stop)).split(","), this.line);
        }
        this.line++;
        if (!row.skipped()) onRow(row);
        start = stop + 1;
      }
      return;
    }
    const block = utf8.decode(text.subarray(0, end));
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
        row.setCells(result.data, this.line);
        if (!row.skipped()) onRow(row);
        start = result.meta.cursor;
      },
    });
    for (; counted < block.length; counted++) if (block.charCodeAt(counted) === 10) this.line++;
    this.line++;
  }
}

/** Length of the text's leading complete lines: up to the last \n outside quotes (0 if none). */
function completeLines(text: Uint8Array): number {
  if (text.indexOf(34) === -1) return text.lastIndexOf(10) + 1;
  let quoted = false;
  let cut = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === 34) quoted = !quoted;
    else if (c === 10 && !quoted) cut = i + 1;
  }
  return cut;
}

/** How many times `byte` occurs in `bytes`. */
function count(bytes: Uint8Array, byte: number): number {
  let n = 0;
  for (let i = bytes.indexOf(byte); i !== -1; i = bytes.indexOf(byte, i + 1)) n++;
  return n;
}

/** `a` then `b` (`b` itself when `a` is empty). */
function join(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const both = new Uint8Array(a.length + b.length);
  both.set(a);
  both.set(b, a.length);
  return both;
}

/** The bytes with each \r\n and lone \r as \n. */
function newlines(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c !== 13) out[n++] = c;
    else if (bytes[i + 1] !== 10) out[n++] = 10;
  }
  return out.subarray(0, n);
}
