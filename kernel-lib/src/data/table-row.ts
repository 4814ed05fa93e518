import { parseDecimal } from "./parse-decimal.js";

const utf8 = new TextDecoder();
const encoder = new TextEncoder();

/**
 * One CSV row as `TableReader` hands it on: its trimmed cells, their values as numbers and
 * the file line it starts on (internal to the dataset reader). A plain row (ASCII, no
 * quotes: nearly every row of a dataset) is read from the UTF-8 bytes it came in, in one
 * pass that finds the cells and reads whole numbers on the way, and keeps each cell as its
 * bounds there, so a numeric cell never becomes a string: at a million rows the strings
 * (and their garbage) cost more than the numbers. Other rows are kept as strings. The
 * reader reuses one row for every line: read it in the callback, don't keep it.
 */
export class TableRow {
  /** The file line the row starts on (1-based). */
  line = 0;
  /** Number of cells. */
  length = 0;
  private bytes = new Uint8Array(0);
  /** Trimmed start and end of each cell in `bytes`: [start0, end0, start1, end1, …]. */
  private bounds = new Int32Array(2 * 32);
  /** Each cell's value (see `number`). */
  private values = new Float64Array(32);
  private cells: string[] | undefined;

  /** Cell `i`, trimmed. */
  cell(i: number): string {
    return this.cells ? this.cells[i] : utf8.decode(this.bytes.subarray(this.bounds[2 * i], this.bounds[2 * i + 1]));
  }

  /** Every cell, trimmed. */
  all(): string[] {
    return Array.from({ length: this.length }, (_, i) => this.cell(i));
  }

  /** Cell `i` as a decimal literal's value (see `parseDecimal`); NaN for any other text, also "" and ".". */
  number(i: number): number {
    const value = this.values[i];
    // A whole number as a small integer (not -0): the record fields that hold it then stay
    // unboxed small integers instead of a heap number each (half the reader's time was that).
    const small = value | 0;
    return small === value && (small !== 0 || 1 / value > 0) ? small : value;
  }

  /** True when cell `i` is empty or "." (a missing value). */
  missing(i: number): boolean {
    if (this.cells) return this.cells[i] === "" || this.cells[i] === ".";
    const start = this.bounds[2 * i];
    const size = this.bounds[2 * i + 1] - start;
    return size === 0 || (size === 1 && this.bytes[start] === 46);
  }

  /** True when every cell is empty (a blank line) or the first starts with "#" (a comment: NONMEM's IGNORE=#). */
  skipped(): boolean {
    if (this.cells) return this.cells.every((c) => c === "") || this.cells[0].charCodeAt(0) === 35;
    if (this.bounds[1] > this.bounds[0] && this.bytes[this.bounds[0]] === 35) return true;
    for (let i = 0; i < this.length; i++) if (this.bounds[2 * i + 1] > this.bounds[2 * i]) return false;
    return true;
  }

  /**
   * This row is the cells of the line that starts at `bytes[start]` and ends at the first line
   * break (\n) before `end` (or at `end`), which holds no quote. Returns where the line ends
   * (the index of its \n, or `end`), or −1 if the line is not all ASCII (then give its cells
   * with `setCells`). Finding the line's end in the same pass as its cells reads each byte once.
   */
  setPlain(bytes: Uint8Array, start: number, end: number, line: number): number {
    let count = 0;
    let i = start;
    let values = this.values;
    let bounds = this.bounds;
    for (;;) {
      const cellStart = i;
      // The cell as a whole number while it is only digits (most cells of a dataset).
      let whole = 0;
      let c = 10;
      for (; i < end; i++) {
        c = bytes[i];
        const digit = c - 48;
        if (digit < 0 || digit > 9) break;
        whole = whole * 10 + digit;
      }
      if (count === values.length) {
        this.grow();
        values = this.values;
        bounds = this.bounds;
      }
      if (i === end || c === 44 || c === 10) {
        if (i > cellStart && i - cellStart <= 15) {
          // At most 15 digits: exact in a double, as Number reads it.
          bounds[2 * count] = cellStart;
          bounds[2 * count + 1] = i;
          values[count++] = whole;
        } else this.setCell(count++, bytes, cellStart, i);
      } else {
        for (; i < end; i++) {
          c = bytes[i];
          if (c === 44 || c === 10) break;
          if (c > 127) return -1;
        }
        this.setCell(count++, bytes, cellStart, i);
      }
      if (i === end || c === 10) break;
      i++;
    }
    this.bytes = bytes;
    this.cells = undefined;
    this.length = count;
    this.line = line;
    return i;
  }

  /** This row is `cells` (trimmed in place). */
  setCells(cells: string[], line: number): void {
    while (this.values.length < cells.length) this.grow();
    for (let i = 0; i < cells.length; i++) {
      cells[i] = cells[i].trim();
      const bytes = encoder.encode(cells[i]);
      this.values[i] = parseDecimal(bytes, 0, bytes.length);
    }
    this.cells = cells;
    this.length = cells.length;
    this.line = line;
  }

  /** Cell `index` is `bytes[start]` … `bytes[end - 1]`, which is not 1 to 15 digits: trimmed, read by `parseDecimal`. */
  private setCell(index: number, bytes: Uint8Array, start: number, end: number): void {
    // Trim the ASCII characters that String.prototype.trim removes: tab, line breaks, vertical tab, form feed, space.
    let a = start;
    let b = end;
    while (a < b && isSpace(bytes[a])) a++;
    while (b > a && isSpace(bytes[b - 1])) b--;
    this.bounds[2 * index] = a;
    this.bounds[2 * index + 1] = b;
    this.values[index] = parseDecimal(bytes, a, b);
  }

  private grow(): void {
    const bounds = new Int32Array(this.bounds.length * 2);
    bounds.set(this.bounds);
    this.bounds = bounds;
    const values = new Float64Array(this.values.length * 2);
    values.set(this.values);
    this.values = values;
  }
}
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}
