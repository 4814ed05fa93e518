import Papa from "papaparse";
import { csvRowBytes, infiniteCell } from "./csv-bytes.js";

const ascii = new TextDecoder();

/**
 * CSV text from a header and rows, as NONMEM reads it: numbers in their shortest
 * round-trip form (`String(x)`, so `Number(text) === x`; −0 is written 0), NaN as ".",
 * strings quoted only when they hold a comma, quote, line break or outer space. Lines end
 * with "\n", including the last. A non-finite number other than NaN throws, naming its
 * row and column.
 *
 * @example
 * toCsv(["ID", "TIME", "DV"], [[1, 0.5, NaN]]); // "ID,TIME,DV\n1,0.5,.\n"
 */
export function toCsv(header: readonly string[], rows: readonly ArrayLike<number | string>[]): string {
  const data = rows.map((row, r) => Array.from(row, (value, c) => (typeof value === "string" ? value : csvNumber(value, r, header[c] ?? c + 1))));
  return Papa.unparse({ fields: [...header], data }, { newline: "\n", quotes: (value: unknown) => typeof value === "string" && value !== value.trim() }) + "\n";
}

/**
 * Rows `start` to `end - 1` of numeric columns as CSV lines (no header), each ending with
 * "\n", numbers as in `toCsv`: for writing a large table in pieces without building a row
 * array per row. `names` only names a column in the error for an infinite value. The
 * text of `csvRowBytes`, which writes the same lines as bytes.
 *
 * @example
 * csvRows([Float64Array.of(1, 1), Float64Array.of(0, 0.5)], 0, 2); // "1,0\n1,0.5\n"
 */
export function csvRows(columns: readonly ArrayLike<number>[], start: number, end: number, names: readonly string[] = []): string {
  return ascii.decode(csvRowBytes(columns, start, end, names));
}

function csvNumber(value: number, row: number, column: string | number): string {
  if (Number.isNaN(value)) return ".";
  if (!Number.isFinite(value)) throw infiniteCell(row, column, value);
  return String(value === 0 ? 0 : value);
}
