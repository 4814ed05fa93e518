/**
 * A plain-text table: columns padded to their widest cell, numbers to 4 significant
 * digits, NaN shown as "–" (not estimable), for printed fit summaries.
 * @internal
 */
export function formatTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const text = rows.map((row) => row.map((cell) => (typeof cell === "number" ? formatNumber(cell) : cell)));
  const widths = header.map((h, j) => Math.max(h.length, ...text.map((row) => row[j].length)));
  const line = (cells: readonly string[]) => cells.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...text.map(line)].join("\n");
}

/** 4 significant digits, plain or exponential as it reads best; NaN as "–". @internal */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return "–";
  if (x === 0 || !Number.isFinite(x)) return String(x);
  const magnitude = Math.abs(x);
  return magnitude >= 1e-3 && magnitude < 1e6 ? String(Number(x.toPrecision(4))) : x.toExponential(3);
}
