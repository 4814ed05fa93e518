/** A table to print: its header, row count and cells by row and column. */
export interface TableSource {
  header: readonly string[];
  rows: number;
  cell(row: number, column: number): number | string;
}

/**
 * A table for a person at a terminal, in pieces of `rowsPerPiece` rows: columns right-aligned
 * two spaces apart, numbers to 6 significant digits (trailing zeros dropped; whole numbers
 * below 1e15 in full), NaN as ".". For full precision use CSV.
 *
 * @example
 * [...tablePieces({ header: ["ID", "CP"], rows: 1, cell: (r, c) => [1, 1 / 3][c] })].join("");
 * // "ID        CP\n 1  0.333333\n"
 */
export function* tablePieces(table: TableSource, rowsPerPiece = 2048): Generator<string> {
  const widths = table.header.map((name) => name.length);
  for (let r = 0; r < table.rows; r++) {
    for (let c = 0; c < widths.length; c++) widths[c] = Math.max(widths[c], readable(table.cell(r, c)).length);
  }
  const line = (cells: readonly string[]) => cells.map((text, c) => text.padStart(widths[c])).join("  ") + "\n";
  let piece = line(table.header);
  for (let r = 0; r < table.rows; r++) {
    piece += line(widths.map((_, c) => readable(table.cell(r, c))));
    if ((r + 1) % rowsPerPiece === 0) {
      yield piece;
      piece = "";
    }
  }
  if (piece !== "") yield piece;
}

/** One cell as the table shows it. */
export function readable(value: number | string): string {
  if (typeof value === "string") return value;
  if (Number.isNaN(value)) return ".";
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value === 0 ? 0 : value);
  // toPrecision pads with zeros ("2.50000", "1.00000e-7"): drop them, and the point they leave.
  return value.toPrecision(6).replace(/(\.\d*?)0+(?=e|$)/, "$1").replace(/\.(?=e|$)/, "");
}
