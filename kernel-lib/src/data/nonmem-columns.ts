/** The NONMEM data items pmxlab reads by name (case-insensitive); other columns are covariates. */
export const NONMEM_COLUMNS = ["ID", "TIME", "EVID", "AMT", "CMT", "RATE", "II", "ADDL", "SS", "DV", "MDV"] as const;

/** One of `NONMEM_COLUMNS`. */
export type NonmemColumn = (typeof NONMEM_COLUMNS)[number];

/** True when `name` (any case) is a NONMEM data item rather than a covariate. */
export function isNonmemColumn(name: string): boolean {
  return (NONMEM_COLUMNS as readonly string[]).includes(name.toUpperCase());
}
