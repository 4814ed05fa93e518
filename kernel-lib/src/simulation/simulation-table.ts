/** A table shown in a notebook: plain text (terminals, `console.log`) and HTML (JupyterLab). */
export interface TableBundle {
  "text/plain": string;
  "text/html": string;
}

/** Options of {@link formatTable}. */
export interface TableOptions {
  /** Rows shown (default 20): the first half and the last half, with a "…" row between. */
  maxRows?: number;
  /** Significant digits of the numbers shown (default 6; the data keep full precision). */
  digits?: number;
}

/**
 * Formats columns of numbers as a table, data-frame style: a header, right-aligned numbers to
 * `digits` significant digits (NaN shown as "NaN"), at most `maxRows` rows (head and tail), and a
 * footer with the row and column count. HTML is escaped.
 *
 * @example
 * formatTable(["ID", "CP"], [[1, 1], [24, 11.68]])["text/plain"];
 * // " ID    CP\n  1    24\n  1 11.68\n[2 rows × 2 columns]"
 */
export function formatTable(names: readonly string[], columns: readonly ArrayLike<number>[], options: TableOptions = {}): TableBundle {
  const maxRows = Math.max(2, options.maxRows ?? 20);
  const digits = options.digits ?? 6;
  const rows = columns[0]?.length ?? 0;
  const shown = rows <= maxRows ? range(0, rows) : [...range(0, Math.ceil(maxRows / 2)), -1, ...range(rows - Math.floor(maxRows / 2), rows)];
  const cell = (c: number, r: number): string => (r < 0 ? "…" : formatNumber(columns[c][r], digits));
  const cells = names.map((_, c) => shown.map((r) => cell(c, r)));
  const widths = names.map((name, c) => Math.max(name.length, ...cells[c].map((s) => s.length)));
  const line = (parts: string[]) => parts.map((s, c) => s.padStart(widths[c])).join(" ");
  const footer = `[${rows} row${rows === 1 ? "" : "s"} × ${names.length} columns]`;
  const text = [line([...names]), ...shown.map((_, i) => line(names.map((__, c) => cells[c][i]))), footer].join("\n");
  const th = names.map((n) => `<th>${escapeHtml(n)}</th>`).join("");
  const body = shown.map((_, i) => `<tr>${names.map((__, c) => `<td>${escapeHtml(cells[c][i])}</td>`).join("")}</tr>`).join("");
  const html = `<table class="pmxlab-table"><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table><p>${footer}</p>`;
  return { "text/plain": text, "text/html": html };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

/** A number to `digits` significant digits without trailing zeros (integers as they are). */
function formatNumber(x: number, digits: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  const s = x.toPrecision(digits);
  return s.includes("e") ? s.replace(/\.?0+e/, "e") : s.includes(".") ? s.replace(/\.?0+$/, "") : s;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
