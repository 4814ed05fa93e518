/**
 * How the area between two samples is integrated (PKNCA's `auc.method`, Phoenix's names):
 * - "linear-up/log-down" (default, PKNCA "lin up/log down"): log trapezoid where the
 *   concentration falls to a positive value, linear trapezoid elsewhere;
 * - "linear": linear trapezoid everywhere;
 * - "log": log trapezoid wherever both concentrations are positive and differ, linear
 *   where one is 0 (the log form is undefined there) or both are equal (both forms agree);
 * - "lin-log" (PKNCA "lin-log", Phoenix "linear log"): linear up to Tmax, log after Tmax
 *   (linear where an end is 0 or both are equal).
 * PKNCA's spelling "lin up/log down" is accepted as a synonym of "linear-up/log-down".
 */
export type AucMethod = "linear-up/log-down" | "linear" | "log" | "lin-log";

/**
 * How a dose was given. "extravascular" (default): oral, sc, im…; "iv-bolus": C0 is
 * back-extrapolated and the area from the dose to the first sample is included;
 * "iv-infusion": zero-order input over `duration`.
 */
export type NcaRoute = "extravascular" | "iv-bolus" | "iv-infusion";

/**
 * What happens to a concentration below the limit of quantification (BLQ: 0, or below
 * `lloq` when one is given), as PKNCA's `conc.blq`: "keep" keeps it as 0, "drop" removes
 * the sample, a number replaces the value (e.g. LLOQ/2).
 */
export type BlqRule = "keep" | "drop" | number;

/**
 * BLQ rules by position (PKNCA's `conc.blq` list forms), or one rule for every BLQ sample:
 * - `{ first, middle, last }`: first = at or before the first quantified sample, middle =
 *   between the first and the last quantified sample, last = at or after the last one;
 * - `{ "before.tmax", "after.tmax" }`: before Tmax, and at or after Tmax.
 */
export type BlqRules =
  | BlqRule
  | { first: BlqRule; middle: BlqRule; last: BlqRule }
  | { "before.tmax": BlqRule; "after.tmax": BlqRule };

/** One concentration–time profile after a single dose. Times and doses in any consistent units. */
export interface NcaSubject {
  /** Sample times, strictly increasing, not before `doseTime`. */
  time: ArrayLike<number>;
  /** Concentrations (≥ 0; 0 or below `lloq` is BLQ), one per time. */
  conc: ArrayLike<number>;
  /** Dose amount, for CL, Vz and dose-normalised values (NaN or absent: those are NaN). */
  dose?: number;
  /** Route of the dose (default "extravascular"). */
  route?: NcaRoute;
  /** Time of the dose (default 0); every reported time is relative to it. */
  doseTime?: number;
  /** Infusion duration, required when `route` is "iv-infusion". */
  duration?: number;
  /** Lower limit of quantification: concentrations below it are BLQ. */
  lloq?: number;
  /** Subject identifier, copied to the result as `ID` and named in error messages. */
  id?: number;
  /** Dataset row of each sample, named in error messages instead of the sample's position. */
  rows?: readonly number[];
}

/** Options of `nca` and `ncaDataset`; every default is PKNCA's. */
export interface NcaOptions {
  /** Trapezoid rule (default "linear-up/log-down"). */
  aucMethod?: AucMethod | "lin up/log down";
  /** BLQ handling (default `{ first: "keep", middle: "drop", last: "keep" }`, PKNCA's default). */
  concBlq?: BlqRules;
  /** Route used when a subject gives none (default "extravascular"). */
  route?: NcaRoute;
  /** Fewest points in the λz regression (default 3; at least 3). */
  minHlPoints?: number;
  /** λz fits whose adjusted R² is within this of the best compete on point count (default 1e-4). */
  adjRSquaredFactor?: number;
  /** Allow the Tmax sample in the λz regression (default false). */
  allowTmaxInHalfLife?: boolean;
  /**
   * With no sample at the dose time (extravascular or infusion), add concentration 0 there
   * (PKNCA's `start_conc0` imputation, the default) or not ("none": areas then start at the
   * first sample). The result's `notes` say when it happened.
   */
  impute?: "start_conc0" | "none";
  /** Partial AUC intervals [start, end] in time after the dose; `end` may be Infinity. */
  partialAuc?: readonly (readonly [number, number])[];
}

/**
 * The numeric results, by PKNCA's parameter names (the `pmxlab nca` columns, in this order
 * after `ID`); NaN when not estimable (see `exclude`).
 */
export const NCA_PARAMETERS = [
  "cmax", "tmax", "tlast", "clast.obs", "auclast",
  "lambda.z", "r.squared", "adj.r.squared", "half.life", "aucinf.obs", "cl.obs", "vz.obs",
  "dose", "c0", "clast.pred", "aucall", "aucinf.pred", "aucpext.obs", "aucpext.pred",
  "aumclast", "aumcinf.obs", "aumcinf.pred",
  "lambda.z.time.first", "lambda.z.time.last", "lambda.z.n.points", "span.ratio",
  "cl.last", "cl.pred", "vz.pred",
  "mrt.last", "mrt.obs", "mrt.pred", "mrt.iv.last", "mrt.iv.obs",
  "cmax.dn", "clast.obs.dn", "auclast.dn", "aucall.dn", "aucinf.obs.dn", "aucinf.pred.dn",
] as const;

/** One of `NCA_PARAMETERS`. */
export type NcaParameter = (typeof NCA_PARAMETERS)[number];

/** A partial AUC over [start, end] (PKNCA's `aucint.last` and `aucint.inf.obs`). */
export interface PartialAuc {
  start: number;
  end: number;
  /** Area with zero concentration after Tlast. */
  "aucint.last": number;
  /** Area with the λz extrapolation from Clast,obs after Tlast (NaN if needed and λz is not estimable). */
  "aucint.inf.obs": number;
}

/** The NCA of one subject. */
export type NcaResult = Record<NcaParameter, number> & {
  ID: number;
  route: NcaRoute;
  aucMethod: AucMethod;
  partialAuc: PartialAuc[];
  /** Why a group of parameters is NaN, keyed by the parameter it starts from (e.g. "lambda.z", "dose"). */
  exclude: Record<string, string>;
  /** Data handling the user should know about (imputed points, dropped BLQ samples, ignored rows). */
  notes: string[];
};
