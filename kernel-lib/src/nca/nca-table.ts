import { toCsv } from "../data/index.js";
import { NCA_PARAMETERS } from "./types.js";
import type { NcaResult } from "./types.js";

/** NCA results as a table: a header and one row per result. */
export interface NcaTable {
  header: string[];
  rows: (number | string)[][];
}

/**
 * One row per result with PKNCA's column names: `ID`, every name in `NCA_PARAMETERS`, the
 * partial AUCs as `aucint.last_<start>_<end>` and `aucint.inf.obs_<start>_<end>` (infinity
 * written Inf, as R does), then `exclude` (why parameters are NaN, "name: reason; …") and
 * `notes` (data handling). Partial AUC columns come from the first result; every result
 * of one `ncaDataset` call has the same intervals.
 *
 * @example
 * ncaTable([nca({ id: 1, time: [0, 1, 2], conc: [0, 4, 2] })]).header.slice(0, 3); // ["ID", "cmax", "tmax"]
 */
export function ncaTable(results: readonly NcaResult[]): NcaTable {
  const intervals = results[0]?.partialAuc ?? [];
  const label = (x: number) => (x === Infinity ? "Inf" : String(x));
  const header = [
    "ID",
    ...NCA_PARAMETERS,
    ...intervals.flatMap(({ start, end }) => [`aucint.last_${label(start)}_${label(end)}`, `aucint.inf.obs_${label(start)}_${label(end)}`]),
    "exclude",
    "notes",
  ];
  const rows = results.map((r) => [
    r.ID,
    ...NCA_PARAMETERS.map((name) => r[name]),
    ...r.partialAuc.flatMap((p) => [p["aucint.last"], p["aucint.inf.obs"]]),
    Object.entries(r.exclude)
      .map(([name, reason]) => `${name}: ${reason}`)
      .join("; "),
    r.notes.join("; "),
  ]);
  return { header, rows };
}

/**
 * NCA results as CSV (see `ncaTable` for the columns); NaN is written "." as in NONMEM
 * files, numbers in their shortest round-trip form.
 *
 * @example
 * ncaToCsv(ncaDataset(readDataset(csv))); // "ID,cmax,tmax,…\n1,10.5,1.12,…\n"
 */
export function ncaToCsv(results: readonly NcaResult[]): string {
  const { header, rows } = ncaTable(results);
  // An infinite parameter (CL = dose / AUC with an AUC that underflowed, a time near 1e308) is
  // named by subject here; the CSV writer could only give its row and column.
  for (const row of rows) {
    const c = row.findIndex((v) => v === Infinity || v === -Infinity);
    if (c >= 0) {
      throw new Error(`ncaToCsv: ID ${row[0]}: ${header[c]} is ${row[c]}: its concentrations or times are beyond what double precision can take (CSV cells must be finite); rescale the units (e.g. ng/mL instead of g/mL)`);
    }
  }
  return toCsv(header, rows);
}
