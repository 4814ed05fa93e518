/**
 * One dose as NONMEM describes it. `rate` 0 is a bolus; rate > 0 is a zero-order infusion
 * of `amount` at that rate (duration = amount / rate). `addl` additional doses follow every
 * `ii` hours. `ss` 1 means steady state was reached before this dose (`ii` is the interval).
 */
export interface DoseEvent {
  time: number;
  amount: number;
  cmt: number;
  rate: number;
  ii: number;
  addl: number;
  ss: 0 | 1 | 2;
  /** EVID 4: reset all compartments to their initial state before dosing. */
  reset?: boolean;
  /**
   * How the dose is given, as written in a regimen ("iv", "oral"). A label only: the dose
   * goes into `cmt` whatever the route, so pair "iv" with the model's central compartment.
   */
  route?: "iv" | "oral";
}

/** One row of a NONMEM-format dataset, after parsing (row = 1-based data row, header excluded). */
export interface EventRecord {
  id: number;
  time: number;
  evid: 0 | 1 | 2 | 3 | 4;
  amt: number;
  cmt: number;
  rate: number;
  ii: number;
  addl: number;
  ss: 0 | 1 | 2;
  dv: number;
  mdv: 0 | 1;
  covariates: Record<string, number>;
  row: number;
}

/** A dataset: records grouped by subject, each in time order. */
export interface Dataset {
  /** Covariate column names (any column not in the NONMEM set), as written in the header. */
  covariates: string[];
  subjects: { id: number; records: EventRecord[] }[];
}
