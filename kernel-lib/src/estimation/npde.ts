import type { Dataset } from "../dosing/types.js";
import { cholesky } from "../linalg/index.js";
import type { Model } from "../model/types.js";
import type { PlotlyFigure } from "../plot/index.js";
import { normalQuantile } from "../random/index.js";
import { EstimationError } from "./estimation-error.js";
import { qqPlot, residualPlot } from "./gof-plots.js";
import { resolvePopulation, simulateReplicates, type DesignSimulationOptions, type PopulationValuesSpec } from "./simulate-design.js";

/** One subject's observations and its simulated replicates: `simulated[r][j]` is replicate r at observation j. */
export interface SubjectSimulations {
  observed: ArrayLike<number>;
  simulated: readonly ArrayLike<number>[];
}

/** Prediction discrepancies of one subject's observations, row-aligned with them. */
export interface SubjectDiscrepancies {
  /** Prediction discrepancies: the fraction of replicates below each observation (no decorrelation). */
  pd: Float64Array;
  /** Prediction distribution errors of the decorrelated observations. */
  pde: Float64Array;
  /** Normalised prediction distribution errors: Φ⁻¹(pde). */
  npde: Float64Array;
}

/**
 * Normalised prediction distribution errors of one subject (Brendel, Comets, Laffont, Laveille
 * & Mentré 2006, doi:10.1007/s11095-006-9067-5; Comets, Brendel & Mentré 2008, the R package
 * npde): from K simulated replicates Y_k of the subject's n observations, E = mean Y_k and
 * V = their covariance (divisor K − 1); with V = L·Lᵀ (Cholesky) the observations and every
 * replicate are decorrelated, y* = L⁻¹(y − E), Y*_k = L⁻¹(Y_k − E); pde_j is the fraction of
 * Y*_kj below y*_j, set to 1/K when 0 and 1 − 1/K when 1 (Comets 2008), and npde = Φ⁻¹(pde).
 * Under the model the npde are independent N(0, 1). `pd` is the same without decorrelation.
 * Needs K > n (else V is singular).
 *
 * @example
 * const { npde } = subjectNpde({ observed: [4.1, 7.9], simulated: replicates }); // replicates: K arrays of 2
 */
export function subjectNpde(subject: SubjectSimulations): SubjectDiscrepancies {
  const { observed: y, simulated } = subject;
  const n = y.length;
  const k = simulated.length;
  if (k <= n) throw new EstimationError(`NPDE need more replicates than observations per subject: ${k} replicates for ${n} observations`);
  const mean = new Float64Array(n);
  simulated.forEach((row, r) => {
    if (row.length !== n) throw new EstimationError(`replicate ${r} has ${row.length} values, the subject ${n} observations`);
    for (let j = 0; j < n; j++) mean[j] += row[j] / k;
  });
  const cov = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const row of simulated) {
    for (let a = 0; a < n; a++) for (let b = 0; b <= a; b++) cov[a][b] += ((row[a] - mean[a]) * (row[b] - mean[b])) / (k - 1);
  }
  for (let a = 0; a < n; a++) for (let b = 0; b < a; b++) cov[b][a] = cov[a][b];
  const l = cholesky(cov, { name: "the replicates' covariance", labels: Array.from({ length: n }, (_, j) => `observation ${j + 1}`) });
  l.forEach((row, j) => {
    if (!(row[j] > 0)) throw new EstimationError(`observation ${j + 1} (time-ordered) does not vary across the replicates (or repeats another one): NPDE need a positive definite covariance; leave such observations out`);
  });
  // y* = L⁻¹(x − E) by forward substitution.
  const decorrelate = (x: ArrayLike<number>) => {
    const z = new Float64Array(n);
    for (let a = 0; a < n; a++) {
      let s = x[a] - mean[a];
      for (let b = 0; b < a; b++) s -= l[a][b] * z[b];
      z[a] = s / l[a][a];
    }
    return z;
  };
  const yStar = decorrelate(y);
  const below = new Float64Array(n);
  const belowRaw = new Float64Array(n);
  for (const row of simulated) {
    const star = decorrelate(row);
    for (let j = 0; j < n; j++) {
      if (star[j] < yStar[j]) below[j]++;
      if (row[j] < y[j]) belowRaw[j]++;
    }
  }
  const clip = (p: number) => Math.min(Math.max(p, 1 / k), 1 - 1 / k);
  const pde = below.map((b) => clip(b / k));
  return { pd: belowRaw.map((b) => clip(b / k)), pde, npde: pde.map(normalQuantile) };
}

/** Options of {@link npde}. */
export interface NpdeOptions extends DesignSimulationOptions {}

/** NPDE of a dataset under a population model, one row per observation. */
export interface NpdeResult {
  id: Float64Array;
  time: Float64Array;
  dv: Float64Array;
  pd: Float64Array;
  pde: Float64Array;
  npde: Float64Array;
  replicates: number;
  /** Mean of the npde (0 under the model). */
  mean: number;
  /** Variance of the npde, divisor n − 1 (1 under the model). */
  variance: number;
  /** NPDE against time with the zero line. */
  plot(): PlotlyFigure;
  /** Normal QQ plot of the NPDE with the identity line. */
  qqPlot(): PlotlyFigure;
}

/**
 * NPDE (see {@link subjectNpde}) of every observation of a dataset: the observed design is
 * simulated `replicates` times (default 1000) from the population model — each subject with
 * its own doses, covariates and sampling times, as {@link simulateDesign} — and each subject's
 * observations are compared with its replicates. A fit passes when the npde look N(0, 1):
 * mean 0, variance 1, no trend against time or prediction.
 *
 * @example
 * const result = npde("pk1cmt_oral", theoph, { theta: fit.theta, omega: fit.omega, sigma: fit.sigma }, { replicates: 1000 });
 * result.mean; result.variance; show(result.qqPlot());
 */
export function npde(model: Model | string, data: Dataset, population: PopulationValuesSpec, options: NpdeOptions = {}): NpdeResult {
  const { replicates = 1000, seed = 1, ...solver } = options;
  if (!Number.isInteger(replicates) || replicates < 1) throw new EstimationError(`replicates = ${replicates}: give a whole number ≥ 1`);
  const p = resolvePopulation(model, data, population);
  const simulated = simulateReplicates(p, replicates, seed, solver);
  const columns = { id: [] as number[], time: [] as number[], dv: [] as number[], pd: [] as number[], pde: [] as number[], npde: [] as number[] };
  p.subjects.forEach((subject, i) => {
    const d = subjectNpde({ observed: subject.dv, simulated: simulated[i] });
    subject.dv.forEach((dv, j) => {
      columns.id.push(subject.id);
      columns.time.push(subject.time[j]);
      columns.dv.push(dv);
      columns.pd.push(d.pd[j]);
      columns.pde.push(d.pde[j]);
      columns.npde.push(d.npde[j]);
    });
  });
  const values = columns.npde;
  const mean = values.reduce((s, x) => s + x, 0) / values.length;
  const variance = values.reduce((s, x) => s + (x - mean) ** 2, 0) / (values.length - 1);
  const table = Object.fromEntries(Object.entries(columns).map(([key, x]) => [key, Float64Array.from(x)])) as Record<keyof typeof columns, Float64Array>;
  return {
    ...table,
    replicates,
    mean,
    variance,
    plot: () => residualPlot({ x: table.time, y: table.npde, id: table.id }, { x: "time (h)", y: "NPDE" }),
    qqPlot: () => qqPlot([{ name: "NPDE", values: table.npde }]),
  };
}
