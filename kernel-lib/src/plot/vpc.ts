import { quantiles } from "../stats/index.js";
import type { PlotlyFigure, PlotlyTrace } from "./figure.js";
import { timeFigure } from "./time-layout.js";

/** Observed data: `dv[i]` measured at `time[i]`. Rows whose DV is NaN (missing) are left out. */
export interface VpcObserved {
  time: ArrayLike<number>;
  dv: ArrayLike<number>;
}

/**
 * Raw simulations of the observed design: `dv[r][i]` is replicate r's simulated DV at observed
 * row i (same length as the observed data), e.g. one column of a `simulate` run per replicate.
 */
export interface VpcSimulatedMatrix {
  dv: readonly ArrayLike<number>[];
}

/**
 * Simulated percentiles already computed per replicate: `quantiles[r][b][k]` is replicate r's
 * `percentiles[k]` percentile in bin b (bins as given by `options.bins`, empty bins included).
 */
export interface VpcReplicateQuantiles {
  quantiles: readonly (readonly (readonly number[])[])[];
}

/**
 * Time bins: increasing edges `[e0, e1, …, ek]` (bin b is [e_b, e_b+1), the last one closed),
 * or `{ count: k }` for k bins with edges at the k-quantiles of the observed times (edges that
 * coincide, from tied times, merge their bins).
 */
export type VpcBins = readonly number[] | { count: number };

/** Options of {@link vpcPlot}. */
export interface VpcOptions {
  /** Time bins (default `{ count: 6 }`). */
  bins?: VpcBins;
  /** Low, middle and high percentile, as fractions (default [0.05, 0.5, 0.95]). */
  percentiles?: readonly [number, number, number];
  /** Confidence interval of each simulated percentile across replicates (default [0.05, 0.95]). */
  ci?: readonly [number, number];
  /** Start with a logarithmic y axis (buttons switch). Default false. */
  log?: boolean;
  /** Draw the observations as markers (default true). */
  points?: boolean;
  title?: string;
  /** Axis units, e.g. `{ time: "h", dv: "mg/L" }`; without them the titles carry none. */
  units?: { time?: string; dv?: string };
}

/** A VPC band's trace: a {@link PlotlyTrace} with `fill: "toself"` (name kept for existing imports). */
export type VpcBandTrace = PlotlyTrace;

/** A VPC figure: a {@link PlotlyFigure} (name kept for existing imports). */
export type VpcFigure = PlotlyFigure;

const OUTER = { line: "rgb(31,119,180)", band: "rgba(31,119,180,0.25)" };
const MIDDLE = { line: "rgb(214,39,40)", band: "rgba(214,39,40,0.25)" };

/**
 * Visual predictive check (Bergstrand M et al. Prediction-corrected visual predictive checks
 * for diagnosing nonlinear mixed-effects models. AAPS J 2011;13:143–151): observations are
 * binned by time; in each bin the observed low/middle/high percentiles (default 5th, 50th,
 * 95th) are drawn as lines at the mean observed time of the bin; the same percentiles of each
 * simulated replicate give, across replicates, a confidence band (default 5th–95th
 * percentile) for each: a bin is suspicious where an observed line leaves its band.
 *
 * Percentiles are R's type 7 (linear between order statistics: h = (n − 1)·p,
 * Q = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎), sorted x, 0-based). Missing observed DVs (NaN)
 * are left out with their simulated values; bins without observations are left out of the
 * figure. Throws on a non-finite time, an observation outside explicit bins, bins that are not
 * increasing, or simulations whose shape does not match the data or the bins.
 *
 * @example
 * const fig = vpcPlot({ time: obsTimes, dv: obsDv }, { dv: replicates }, { bins: [0, 2, 6, 12, 24], units: { time: "h", dv: "mg/L" } });
 * show(fig, tslab);
 */
export function vpcPlot(observed: VpcObserved, simulated: VpcSimulatedMatrix | VpcReplicateQuantiles, options: VpcOptions = {}): VpcFigure {
  const percentiles = options.percentiles ?? [0.05, 0.5, 0.95];
  const ci = options.ci ?? [0.05, 0.95];
  for (const p of [...percentiles, ...ci]) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`vpcPlot: percentile ${p} is not a fraction between 0 and 1`);
  }
  const rows = observedRows(observed);
  const edges = binEdges(options.bins ?? { count: 6 }, rows.map((r) => r.time));
  const bins = assignBins(rows, edges);
  // perBin[b][k] = replicate values of percentile k in bin b.
  const perBin = "quantiles" in simulated ? givenQuantiles(simulated, edges.length - 1) : matrixQuantiles(simulated, observed.time.length, rows, bins, edges.length - 1, percentiles);

  const used = [...Array(edges.length - 1).keys()].filter((b) => rows.some((_, i) => bins[i] === b));
  const x = used.map((b) => mean(rows.filter((_, i) => bins[i] === b).map((r) => r.time)));
  const data: PlotlyTrace[] = [];
  percentiles.forEach((p, k) => {
    const colour = k === 1 ? MIDDLE : OUTER;
    const limits = used.map((b) => typeSeven(perBin[b][k], ci));
    const lower = limits.map(([low]) => low);
    const upper = limits.map(([, high]) => high);
    data.push({
      type: "scatter",
      mode: "lines",
      name: `simulated ${percentName(p)} (${+((ci[1] - ci[0]) * 100).toPrecision(6)}% CI)`,
      x: [...x, ...[...x].reverse()],
      y: [...upper, ...lower.reverse()],
      fill: "toself",
      fillcolor: colour.band,
      line: { width: 0 },
    });
  });
  const observedPercentiles = used.map((b) => typeSeven(rows.filter((_, i) => bins[i] === b).map((r) => r.dv), percentiles));
  percentiles.forEach((p, k) => {
    data.push({
      type: "scatter",
      mode: "lines",
      name: `observed ${percentName(p)}`,
      x,
      y: observedPercentiles.map((q) => q[k]),
      line: { color: (k === 1 ? MIDDLE : OUTER).line, width: 2, ...(k === 1 ? {} : { dash: "dash" }) },
    });
  });
  if (options.points ?? true) {
    data.push({ type: "scatter", mode: "markers", name: "observations", x: rows.map((r) => r.time), y: rows.map((r) => r.dv), marker: { color: "rgb(120,120,120)", size: 5 } });
  }
  return timeFigure({ title: options.title, y: "DV", timeUnit: options.units?.time, yUnit: options.units?.dv, log: options.log ?? false, showlegend: true }, data);
}

/** @internal */
export interface ObservedRow {
  /** Row of the observed data (and column of the simulated matrix). */
  index: number;
  time: number;
  dv: number;
}

function observedRows(observed: VpcObserved): ObservedRow[] {
  if (observed.time.length !== observed.dv.length) {
    throw new Error(`vpcPlot: observed.time has ${observed.time.length} values but observed.dv has ${observed.dv.length}`);
  }
  const rows: ObservedRow[] = [];
  for (let i = 0; i < observed.time.length; i++) {
    const time = observed.time[i];
    const dv = observed.dv[i];
    if (!Number.isFinite(time)) throw new Error(`vpcPlot: observed.time[${i}] is ${time}; every observation needs a finite time`);
    if (Number.isNaN(dv)) continue;
    if (!Number.isFinite(dv)) throw new Error(`vpcPlot: observed.dv[${i}] is ${dv}`);
    rows.push({ index: i, time, dv });
  }
  if (rows.length === 0) throw new Error("vpcPlot: no observations with a DV to plot");
  return rows;
}

/** The edges of `bins` for observed times (shared with estimation/vpc.ts). @internal */
export function binEdges(bins: VpcBins, times: number[]): number[] {
  if ("count" in bins) {
    const k = bins.count;
    if (!Number.isInteger(k) || k < 1) throw new RangeError(`vpcPlot: bins.count = ${k} must be a whole number ≥ 1`);
    // Quantiles are non-decreasing in j, so removing repeats keeps the edges increasing.
    const edges = [...new Set(typeSeven(times, Array.from({ length: k + 1 }, (_, j) => j / k)))];
    return edges.length > 1 ? edges : [edges[0], edges[0]];
  }
  if (bins.length < 2) throw new RangeError(`vpcPlot: bins needs at least two edges, got [${bins.join(", ")}]`);
  bins.forEach((e, j) => {
    if (!Number.isFinite(e) || (j > 0 && e <= bins[j - 1])) throw new RangeError(`vpcPlot: bin edges must be finite and increasing; got [${bins.join(", ")}]`);
  });
  return [...bins];
}

/** The bin of each observed row: b with e_b ≤ t < e_b+1, the last edge belonging to the last bin. @internal */
export function assignBins(rows: ObservedRow[], edges: number[]): number[] {
  const last = edges.length - 1;
  return rows.map((r) => {
    if (r.time < edges[0] || r.time > edges[last]) {
      throw new RangeError(`vpcPlot: observation ${r.index} at time ${r.time} is outside the bins [${edges[0]}, ${edges[last]}]`);
    }
    let b = 0;
    while (b < last - 1 && r.time >= edges[b + 1]) b++;
    return b;
  });
}

function matrixQuantiles(
  simulated: VpcSimulatedMatrix,
  length: number,
  rows: ObservedRow[],
  bins: number[],
  binCount: number,
  percentiles: readonly number[],
): number[][][] {
  if (simulated.dv.length === 0) throw new Error("vpcPlot: no simulated replicates");
  const perBin = Array.from({ length: binCount }, () => percentiles.map(() => [] as number[]));
  simulated.dv.forEach((replicate, r) => {
    if (replicate.length !== length) throw new Error(`vpcPlot: simulated replicate ${r} has ${replicate.length} values, the observed data ${length}`);
    for (let b = 0; b < binCount; b++) {
      const values = rows.flatMap((row, i) => (bins[i] === b && !Number.isNaN(replicate[row.index]) ? [replicate[row.index]] : []));
      if (values.length > 0) typeSeven(values, percentiles).forEach((q, k) => perBin[b][k].push(q));
    }
  });
  return perBin;
}

function givenQuantiles(simulated: VpcReplicateQuantiles, binCount: number): number[][][] {
  if (simulated.quantiles.length === 0) throw new Error("vpcPlot: no simulated replicates");
  return Array.from({ length: binCount }, (_, b) =>
    [0, 1, 2].map((k) =>
      simulated.quantiles.map((replicate, r) => {
        const value = replicate[b]?.[k];
        if (value === undefined) throw new Error(`vpcPlot: simulated quantiles of replicate ${r} lack bin ${b} percentile ${k} (${binCount} bins × 3 percentiles expected)`);
        return value;
      }),
    ),
  );
}

/** R's type 7 quantiles of `values` (unsorted, left as they are) at the fractions `p`. */
function typeSeven(values: readonly number[], p: readonly number[]): number[] {
  return quantiles(Float64Array.from(values), values.length, p);
}

function mean(values: number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** "P5" for 0.05: the percentile's name in the legend. */
function percentName(p: number): string {
  return `P${+(p * 100).toPrecision(6)}`;
}
