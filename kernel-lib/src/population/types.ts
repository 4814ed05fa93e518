import type { Dataset, DoseEvent } from "../dosing/types.js";
import type { RegimenLike, SimulateOptions } from "../simulation/simulate.js";
import type { TimeGrid } from "../simulation/types.js";
import type { OccasionSpec } from "./occasions.js";
import type { OmegaSpec } from "./omega.js";
import type { ParameterDistribution } from "./parameter-distribution.js";
import type { ResidualErrorSpec } from "./residual-error.js";
import type { Target } from "./targets.js";

/** Uncertainty of the typical values (THETA): each replicate draws them from N(typical, covariance). */
export interface ParameterUncertainty {
  names: readonly string[];
  /** Covariance of the named typical values, full square or lower triangle (as an OMEGA block). */
  covariance: readonly (readonly number[])[];
}

/**
 * What to simulate: `n` virtual subjects per replicate, given a regimen and observed at `times`,
 * or following the design (doses, observation times, covariates) of a dataset's subjects.
 */
export interface PopulationInput {
  /** Doses for every subject, e.g. `"100 mg q12h x 28"` (ignored with `data`). */
  regimen?: RegimenLike;
  /** Output times: an increasing array or a grid (regimen mode; default as in `simulate`). */
  times?: ArrayLike<number> | TimeGrid;
  /**
   * A NONMEM dataset as the design: virtual subject i (from 0) gets the records of dataset
   * subject i mod S. Every dataset subject must have the same observation (EVID 0) times.
   */
  data?: Dataset;
  /** Subjects per replicate (≥ 1). */
  n: number;
  /** Typical values (THETA) replacing the model's defaults. */
  params?: Readonly<Record<string, number>>;
  /** Covariate values for every subject. */
  covariates?: Readonly<Record<string, number>>;
  /**
   * Covariate values per virtual subject, replacing `covariates` for that subject: subject i
   * (from 0) of every replicate gets entry i mod the list's length, e.g. a virtual population's
   * `toSubjects(["WT", "CRCL"])`. With a dataset design, the dataset's own values come first.
   */
  subjectCovariates?: readonly Readonly<Record<string, number>>[];
  /** Between-subject variability (variances of the ETAs). */
  omega?: OmegaSpec;
  /** Distribution per parameter with an ETA (default log-normal). */
  distributions?: Readonly<Record<string, ParameterDistribution>>;
  /**
   * Inter-occasion variability: each occasion draws κ ~ N(0, `omega`) per subject, and a
   * parameter's value on an occasion is its distribution's transform of η + κ (e.g. TV·exp(η + κ)).
   * Dose modifiers (F1, ALAG1) may have IOV: a dose uses its own occasion's values. With a
   * regimen, occasions start at dose numbers or times; with a dataset design, also as a column (OCC).
   */
  iov?: { omega: OmegaSpec; occasions: OccasionSpec };
  /** Residual error on the output, giving DV. */
  sigma?: ResidualErrorSpec;
  /** Seed of the random numbers (integer, default 1): the same seed gives the same population. */
  seed?: number;
  /** Replicate trials of `n` subjects each (default 1). */
  replicates?: number;
  /** THETA uncertainty, sampled once per replicate. */
  uncertainty?: ParameterUncertainty;
  /** The model output that IPRED and DV refer to (default the model's first output, e.g. CP). */
  output?: string;
}

/** The same input as plain data (doses listed, times as numbers), ready for structured cloning to a worker. */
export interface PlainPopulationInput extends Omit<PopulationInput, "regimen" | "times"> {
  regimen: DoseEvent[];
  times: number[];
}

/** Percentile bands by time: the quantiles (probabilities, default 0.05, 0.5, 0.95) of IPRED or DV. */
export interface PercentileRequest {
  quantiles?: readonly number[];
  /** Which values: model prediction or with residual error (default "DV" with `sigma`, else "IPRED"). */
  of?: "IPRED" | "DV";
  /**
   * Storage per value: "float64" (exact) or "float32" (relative rounding 6e-8, half the memory).
   * Default float64 up to 2^24 values (subjects × times), float32 beyond.
   */
  precision?: "float64" | "float32";
}

/** What to keep from each subject: nothing, its parameters and target metrics, or all its rows too. */
export type KeepLevel = "none" | "summary" | "all";

/** How to run and what to report. Solver options are those of `simulate` (an ODE algorithm object cannot go to workers). */
export interface PopulationOptions extends Omit<SimulateOptions, "record"> {
  summaries?: { percentiles?: boolean | PercentileRequest; attainment?: readonly Target[] };
  /** Default "summary". */
  keep?: KeepLevel;
  /** Called after each chunk with the subjects done so far and the total (n × replicates). */
  onProgress?: (done: number, total: number) => void;
  /** Subjects per `simulate()` call (default 500): bounds the memory of one chunk. */
  chunkSize?: number;
}

/** One chunk's results, as typed arrays that a worker can transfer; subject-major (row j·T + k) unless said otherwise. */
export interface ChunkResult {
  first: number;
  count: number;
  /** Values for the percentile bands (IPRED or DV), time-major: `values[k·count + j]`. */
  values?: Float64Array;
  /** Target metrics, count × targets. */
  metrics: Float64Array;
  /** Individual parameter values, count × parameter names. */
  parameters?: Float64Array;
  ipred?: Float64Array;
  dv?: Float64Array;
  failed: number;
  /** The first solver failure message, naming its subjects ("subjects 51–100: ID 3: …"), or "". */
  message: string;
}
