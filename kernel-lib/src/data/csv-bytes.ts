/** The longest text of a finite double in `String` form ("-2.2250738585072014e-308"), plus its separator. */
const MAX_CELL_BYTES = 25;

/**
 * Rows `start` to `end - 1` of numeric columns as CSV lines in ASCII bytes: the very bytes of
 * `csvRows` (which decodes these), made without building a string per number or per line.
 * Whole numbers of the 32-bit range (IDs, hourly times, EVID, CMT, 0) are written digit by
 * digit; other numbers as `String(x)` writes them (shortest round-trip form), NaN as ".",
 * −0 as 0. An infinite value throws, naming its row (counted from `start` + 1 as in
 * `csvRows`) and column (`names`, or its 1-based position).
 *
 * @example
 * new TextDecoder().decode(csvRowBytes([Float64Array.of(1), Float64Array.of(0.5)], 0, 1)); // "1,0.5\n"
 */
export function csvRowBytes(columns: readonly ArrayLike<number>[], start: number, end: number, names: readonly string[] = []): Uint8Array {
  const rows = Math.max(0, end - start);
  const bytes = new Uint8Array(rows * columns.length * MAX_CELL_BYTES);
  const last = columns.length - 1;
  let at = 0;
  for (let r = start; r < end; r++) {
    for (let c = 0; c <= last; c++) {
      const value = columns[c][r];
      if (value === (value | 0)) at = writeInt32(bytes, at, value);
      else if (value - value === 0) at = writeText(bytes, at, String(value));
      else if (value !== value) bytes[at++] = 46; // NaN: "."
      else throw infiniteCell(r, names[c] ?? c + 1, value);
      bytes[at++] = c === last ? 10 : 44;
    }
  }
  return bytes.subarray(0, at);
}

/** The error for an infinite number at 0-based `row` of `column` (named, or its 1-based position), the one rule of every CSV writer. @internal */
export function infiniteCell(row: number, column: string | number, value: number): Error {
  return new Error(`toCsv: row ${row + 1}, column ${column} is ${value}; CSV cells must be finite numbers, NaN or text`);
}

/** Writes the decimal digits of a 32-bit integer (−0 as 0) at `at`; returns the end. */
function writeInt32(bytes: Uint8Array, at: number, value: number): number {
  let v = value | 0;
  if (v < 0) {
    bytes[at++] = 45;
    if (v === -2147483648) return writeText(bytes, at, "2147483648");
    v = -v;
  }
  if (v < 10) {
    bytes[at] = 48 + v;
    return at + 1;
  }
  let digits = 2;
  for (let rest = (v / 100) | 0; rest > 0; rest = (rest / 10) | 0) digits++;
  const end = at + digits;
  for (let i = end - 1; i >= at; i--) {
    const q = (v / 10) | 0;
    bytes[i] = 48 + v - q * 10;
    v = q;
  }
  return end;
}

/** Writes ASCII `text` at `at`; returns the end. */
function writeText(bytes: Uint8Array, at: number, text: string): number {
  for (let i = 0; i < text.length; i++) bytes[at++] = text.charCodeAt(i);
  return at;
}
