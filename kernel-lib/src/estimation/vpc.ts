import type { Dataset } from "../dosing/types.js";
import type { Model } from "../model/types.js";
import { vpcPlot, type PlotlyFigure, type VpcBins } from "../plot/index.js";
import { assignBins, binEdges } from "../plot/vpc.js";
import { quantiles } from "../stats/index.js";
import { EstimationError } from "./estimation-error.js";
import { predictions, resolvePopulation, simulateReplicates, type DesignSimulationOptions, type PopulationValuesSpec } from "./simulate-design.js";

/** Options of {@link vpc}. */
export interface PopulationVpcOptions extends DesignSimulationOptions {
  /** Time bins: increasing edges, or `{ count: k }` for edges at the k-quantiles of the observed times (default `{ count: 6 }`). */
  bins?: VpcBins;
  /** Low, middle and high percentile as fractions (default [0.05, 0.5, 0.95]). */
  percentiles?: readonly [number, number, number];
  /** Prediction interval of each simulated percentile across replicates (default [0.05, 0.95]). */
  ci?: readonly [number, number];
  /** Prediction-corrected VPC (Bergstrand et al. 2011): default false. */
  predictionCorrected?: boolean;
  /** Lower bound of the DV for the prediction correction (default 0; see {@link predictionCorrect}). */
  lowerBound?: number;
  /** Axis units for the plot, e.g. `{ time: "h", dv: "mg/L" }`. */
  units?: { time?: string; dv?: string };
  /** Start the plot with a logarithmic y axis. */
  log?: boolean;
}

/** One time bin of a VPC: observed percentiles and the simulated percentiles' prediction intervals. */
export interface VpcBinSummary {
  /** Bin edges (h): [lower, upper), the last bin closed. */
  lower: number;
  upper: number;
  /** Mean observed time in the bin (h): where the plot draws it. */
  time: number;
  /** Observations in the bin. */
  count: number;
  /** Observed percentiles (the `percentiles`, low, middle, high), prediction-corrected for a pcVPC. */
  observed: number[];
  /** For each percentile: [low end of its interval, median, high end] across replicates. */
  simulated: [number, number, number][];
}

/** The result of {@link vpc}. */
export interface PopulationVpc {
  predictionCorrected: boolean;
  replicates: number;
  /** Observations left out: for a pcVPC those whose PRED is not above the lower bound (0 otherwise). */
  excluded: number;
  /** Bins with observations, in time order. */
  bins: VpcBinSummary[];
  /** The VPC plot (plotly): observed percentile lines over the simulated intervals. */
  plot(): PlotlyFigure;
}

/**
 * Prediction correction of a pcVPC (Bergstrand, Hooker, Wallin & Karlsson 2011,
 * doi:10.1208/s12248-011-9255-z, eq. 1): pcY_ij = lb + (Y_ij − lb)·(PRED̃_bin − lb)/(PRED_ij − lb),
 * with PRED̃_bin the median (R type 7) of the population predictions of the observations in
 * the bin and lb the DV's lower bound (0 for concentrations). Observations and simulations
 * are corrected alike, which removes the variability that comes from differing doses,
 * covariates and times within a bin.
 *
 * @example
 * predictionCorrect([2, 6], [1, 3], [0, 0]); // PRED median 2: [4, 4]
 */
export function predictionCorrect(values: ArrayLike<number>, pred: ArrayLike<number>, bins: ArrayLike<number>, lowerBound = 0): Float64Array {
  if (values.length !== pred.length || values.length !== bins.length) throw new EstimationError(`predictionCorrect: ${values.length} values, ${pred.length} PRED and ${bins.length} bins must match`);
  const median = binMedians(pred, bins);
  return Float64Array.from(values, (y, i) => {
    if (!(pred[i] > lowerBound)) throw new EstimationError(`predictionCorrect: PRED of row ${i} is ${pred[i]}, not above the lower bound ${lowerBound}; leave such rows (e.g. before the first dose) out`);
    return lowerBound + ((y - lowerBound) * (median.get(bins[i])! - lowerBound)) / (pred[i] - lowerBound);
  });
}

function binMedians(pred: ArrayLike<number>, bins: ArrayLike<number>): Map<number, number> {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < bins.length; i++) {
    const g = groups.get(bins[i]);
    if (g) g.push(pred[i]);
    else groups.set(bins[i], [pred[i]]);
  }
  return new Map([...groups].map(([b, x]) => [b, quantiles(Float64Array.from(x), x.length, [0.5])[0]]));
}

/**
 * Visual predictive check on observed data with differing sampling times: the observed
 * design (each subject's doses, covariates and times) is simulated `replicates` times
 * (default 200) from the population model; observations are binned by time (`bins`); in
 * each bin the observed 5th, 50th and 95th percentiles are set against the same
 * percentiles of every replicate, summarised by their 5th–95th percentile interval
 * (`ci`) and median. With `predictionCorrected`, observations and simulations are first
 * prediction-corrected ({@link predictionCorrect}); observations whose PRED is not above
 * `lowerBound` (e.g. samples before the first dose) cannot be corrected and are left out,
 * counted in `excluded` and named in the plot's title. Percentiles are R's type 7.
 *
 * @example
 * const check = vpc("pk1cmt_oral", theoph, { theta: fit.theta, omega: fit.omega, sigma: fit.sigma }, { bins: [0, 1, 2, 4, 8, 13, 25], predictionCorrected: true, units: { time: "h", dv: "mg/L" } });
 * check.bins[0].observed; show(check.plot());
 */
export function vpc(model: Model | string, data: Dataset, population: PopulationValuesSpec, options: PopulationVpcOptions = {}): PopulationVpc {
  const { replicates = 200, seed = 1, bins: binSpec = { count: 6 }, percentiles = [0.05, 0.5, 0.95], ci = [0.05, 0.95], predictionCorrected = false, lowerBound = 0, units, log, ...solver } = options;
  if (!Number.isInteger(replicates) || replicates < 1) throw new EstimationError(`replicates = ${replicates}: give a whole number ≥ 1`);
  for (const p of [...percentiles, ...ci]) if (!(p >= 0 && p <= 1)) throw new EstimationError(`vpc: percentile ${p} is not a fraction between 0 and 1`);
  const p = resolvePopulation(model, data, population);
  const simulated = simulateReplicates(p, replicates, seed, solver);
  const allTime = p.subjects.flatMap((s) => Array.from(s.time));
  const allObserved = p.subjects.flatMap((s) => Array.from(s.dv));
  const allPred = predictionCorrected ? predictions(p, solver).flatMap((f) => Array.from(f)) : [];
  // A pcVPC cannot correct a row whose PRED is not above the lower bound (e.g. before the first dose): such rows are left out and counted.
  const kept = allTime.flatMap((_, i) => (predictionCorrected && !(allPred[i] > lowerBound) ? [] : [i]));
  if (kept.length === 0) throw new EstimationError(`vpc: no observation has a PRED above the lower bound ${lowerBound}, so none can be prediction-corrected`);
  const time = kept.map((i) => allTime[i]);
  const observed = Float64Array.from(kept, (i) => allObserved[i]);
  const edges = binEdges(binSpec, time);
  const bin = assignBins(time.map((t, index) => ({ index, time: t, dv: observed[index] })), edges);
  let replicateRows = Array.from({ length: replicates }, (_, r) => {
    const row = simulated.flatMap((subject) => Array.from(subject[r]));
    return Float64Array.from(kept, (i) => row[i]);
  });
  let dv = observed;
  if (predictionCorrected) {
    const pred = Float64Array.from(kept, (i) => allPred[i]);
    dv = predictionCorrect(observed, pred, bin, lowerBound);
    replicateRows = replicateRows.map((row) => predictionCorrect(row, pred, bin, lowerBound));
  }
  const binCount = edges.length - 1;
  const members = Array.from({ length: binCount }, (_, b) => bin.flatMap((x, i) => (x === b ? [i] : [])));
  const pick = (values: Float64Array, rows: number[]) => Float64Array.from(rows, (i) => values[i]);
  // perReplicate[r][b][k]: replicate r's percentile k in bin b (NaN for a bin without observations).
  const perReplicate = replicateRows.map((row) => members.map((rows) => quantiles(pick(row, rows), rows.length, percentiles)));
  const summaries: VpcBinSummary[] = [];
  members.forEach((rows, b) => {
    if (rows.length === 0) return;
    summaries.push({
      lower: edges[b],
      upper: edges[b + 1],
      time: rows.reduce((s, i) => s + time[i], 0) / rows.length,
      count: rows.length,
      observed: quantiles(pick(dv, rows), rows.length, percentiles),
      simulated: percentiles.map((_, k) => {
        const [low, middle, high] = quantiles(Float64Array.from(perReplicate, (q) => q[b][k]), replicates, [ci[0], 0.5, ci[1]]);
        return [low, middle, high] as [number, number, number];
      }),
    });
  });
  const excluded = allTime.length - kept.length;
  const title = predictionCorrected ? `prediction-corrected VPC${excluded > 0 ? ` (${excluded} observations with PRED ≤ ${lowerBound} left out)` : ""}` : "VPC";
  return {
    predictionCorrected,
    replicates,
    excluded,
    bins: summaries,
    plot: () => vpcPlot({ time, dv }, { quantiles: perReplicate }, { bins: edges, percentiles, ci, units, log, title }),
  };
}
