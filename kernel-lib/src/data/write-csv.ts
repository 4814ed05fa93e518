import type { Dataset } from "../dosing/types.js";

/** CSV text from a header and rows; numbers in shortest round-trip form, NaN as ".". */
export function toCsv(header: readonly string[], rows: readonly ArrayLike<number | string>[]): string {
  const cell = (v: number | string) => (typeof v === "number" ? (Number.isNaN(v) ? "." : String(v)) : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [header.join(",")];
  for (const row of rows) lines.push(Array.from(row, cell).join(","));
  return lines.join("\n") + "\n";
}

/** A dataset back to NONMEM CSV (every NONMEM column, then the covariates). */
export function datasetToCsv(dataset: Dataset): string {
  const header = ["ID", "TIME", "EVID", "AMT", "CMT", "RATE", "II", "ADDL", "SS", "DV", "MDV", ...dataset.covariates];
  const rows = dataset.subjects.flatMap((s) =>
    s.records.map((r) => [r.id, r.time, r.evid, r.amt, r.cmt, r.rate, r.ii, r.addl, r.ss, r.dv, r.mdv, ...dataset.covariates.map((c) => r.covariates[c])]),
  );
  return toCsv(header, rows);
}
