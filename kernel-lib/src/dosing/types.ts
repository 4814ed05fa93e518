import type { DoseUnit } from "./dose-units.js";

/** How a dose is given; a model's `$ROUTES` names the compartment each route doses. */
export type DoseRoute = "iv" | "oral" | "sc" | "im";

/**
 * One dose as NONMEM describes it. `rate` 0 is a bolus; rate > 0 is a zero-order infusion
 * of `amount` at that rate (duration = amount / rate); `amount` Infinity with a rate is a
 * continuous infusion that runs to the end of the simulation. `addl` additional doses follow
 * every `ii`. `ss` 1 means steady state was reached before this dose (`ii` is the interval).
 *
 * Units: a dose with a `unit` comes from a regimen: `amount` is in that unit, `rate` in that
 * unit per h, `time` and `ii` in h, and `simulate` converts it into the model's units. A dose
 * without one is a NONMEM record, already in the model's units (as a dataset is).
 */
export interface DoseEvent {
  time: number;
  amount: number;
  /**
   * The compartment (NONMEM CMT). 0 with a `route`: the compartment the model's `$ROUTES`
   * gives that route, chosen when the dose is simulated.
   */
  cmt: number;
  rate: number;
  ii: number;
  addl: number;
  ss: 0 | 1 | 2;
  /** EVID 4: reset all compartments to their initial state before dosing. */
  reset?: boolean;
  /** How the dose is given ("iv", "oral", "sc", "im"); with `cmt` 0 it chooses the compartment. */
  route?: DoseRoute;
  /** The unit of `amount` of a regimen dose (times then in h); absent: the model's units. */
  unit?: DoseUnit;
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
