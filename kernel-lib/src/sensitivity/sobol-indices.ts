import { rangeQuantile, type ParameterRange } from "./parameter-range.js";
import { SensitivityError } from "./sensitivity-error.js";
import { RandomStream } from "../random/index.js";
import { quantiles } from "../stats/index.js";

/** A scalar response of named parameters: a test function, or a model output summary (see `modelResponse`). */
export type ParameterFunction = (params: Record<string, number>) => number;

/** Options of {@link sobolIndices}. */
export interface SobolOptions {
  /** Base sample size N (rows of the matrices A and B); the cost is N·(d + 2) evaluations. Default 4096. */
  samples?: number;
  /** Seed of the uniform generator (default 1): the same seed gives the same indices. */
  seed?: number;
  /** Bootstrap resamples of the N rows for confidence intervals; 0 (default) computes none. */
  bootstrap?: number;
  /** Level of the bootstrap percentile intervals (default 0.95). */
  confidence?: number;
}

/** A bootstrap percentile interval [low, high] per parameter. */
export type Intervals = Record<string, [number, number]>;

/** First-order and total Sobol indices of f, with the mean and variance of f over the ranges. */
export interface SobolIndices {
  parameters: string[];
  /** S_i = V[E(f | p_i)] / V(f): the share of the variance p_i explains alone. */
  first: Record<string, number>;
  /** S_Ti = E[V(f | p_~i)] / V(f): the share p_i takes part in, interactions included. */
  total: Record<string, number>;
  /** Bootstrap percentile intervals, when `bootstrap` > 0. */
  intervals?: { level: number; first: Intervals; total: Intervals };
  mean: number;
  variance: number;
  /** Number of evaluations of f: N·(d + 2). */
  evaluations: number;
}

/**
 * Sobol variance-based sensitivity indices by Saltelli sampling: two independent N×d
 * samples A and B of the parameter ranges (seeded pure-rand uniforms through each range's
 * quantile function) and, for each parameter i, the matrix A_B^(i) (A with column i from B).
 * Estimators of Saltelli et al. 2010 (Comput Phys Commun 181:259–270, Table 2):
 * first order V_i = (1/N)·Σ (f(B)_j − f̄)·(f(A_B^(i))_j − f(A)_j) (their eq. b, with f
 * centred by its sample mean f̄, as Sobol' 2001 advises: the expectation is unchanged and
 * the variance no longer grows with f̄²), total V_Ti = (1/2N)·Σ (f(A)_j − f(A_B^(i))_j)²
 * (Jansen 1999, their eq. f); both divided by the variance of f over A and B together. The
 * parameters are independent. Monte Carlo error falls as 1/√N; `bootstrap` resamples the
 * rows for percentile intervals.
 *
 * @example
 * const ishigami = ({ x1, x2, x3 }: Record<string, number>) => Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
 * const r = { min: -Math.PI, max: Math.PI };
 * const s = sobolIndices(ishigami, { x1: r, x2: r, x3: r }, { samples: 8192 });
 * s.first.x1; // ≈ 0.314
 */
export function sobolIndices(f: ParameterFunction, ranges: Record<string, ParameterRange>, options: SobolOptions = {}): SobolIndices {
  const { samples: n = 4096, seed = 1, bootstrap = 0, confidence = 0.95 } = options;
  const parameters = Object.keys(ranges);
  if (parameters.length === 0) throw new SensitivityError("sobolIndices needs at least one parameter range");
  if (!Number.isInteger(n) || n < 2) throw new SensitivityError(`samples = ${n}: the base sample size must be an integer ≥ 2`);
  if (!Number.isInteger(bootstrap) || bootstrap < 0) throw new SensitivityError(`bootstrap = ${bootstrap}: the number of resamples must be an integer ≥ 0`);
  if (!(confidence > 0 && confidence < 1)) throw new SensitivityError(`confidence = ${confidence}: it must lie between 0 and 1`);
  const inverseCdfs = parameters.map((name) => rangeQuantile(name, ranges[name]));
  const d = parameters.length;
  const stream = RandomStream.fromSeed(seed);
  const uniform = (): number => stream.uniform();
  const sample = () => Float64Array.from({ length: n * d }, (_, k) => inverseCdfs[k % d](uniform()));
  const a = sample();
  const b = sample();

  const point = new Float64Array(d);
  const evaluate = (): number => {
    const params: Record<string, number> = {};
    parameters.forEach((name, i) => (params[name] = point[i]));
    const y = f(params);
    if (!Number.isFinite(y)) {
      throw new SensitivityError(`the function returned ${y} at ${parameters.map((name, i) => `${name}=${point[i]}`).join(", ")}; Sobol indices need a finite value everywhere in the ranges`);
    }
    return y;
  };
  const rows = (matrix: Float64Array, column = -1) =>
    Float64Array.from({ length: n }, (_, j) => {
      point.set(matrix.subarray(j * d, (j + 1) * d));
      if (column >= 0) point[column] = b[j * d + column];
      return evaluate();
    });
  const fA = rows(a);
  const fB = rows(b);
  const fAB = parameters.map((_, i) => rows(a, i));

  const all = Int32Array.from({ length: n }, (_, j) => j);
  const estimate = saltelliEstimate(fA, fB, fAB, all);
  if (!(estimate.variance > 0)) throw new SensitivityError("the function does not vary over the ranges (variance 0), so its Sobol indices are undefined");
  const result: SobolIndices = {
    parameters,
    first: Object.fromEntries(parameters.map((name, i) => [name, estimate.first[i]])),
    total: Object.fromEntries(parameters.map((name, i) => [name, estimate.total[i]])),
    mean: estimate.mean,
    variance: estimate.variance,
    evaluations: n * (d + 2),
  };
  if (bootstrap > 0) {
    const draws = Array.from({ length: bootstrap }, () => saltelliEstimate(fA, fB, fAB, all.map(() => Math.floor(uniform() * n))));
    const interval = (pick: (e: Estimate) => number): [number, number] => {
      const [low, high] = quantiles(Float64Array.from(draws, pick), bootstrap, [(1 - confidence) / 2, (1 + confidence) / 2]);
      return [low, high];
    };
    result.intervals = {
      level: confidence,
      first: Object.fromEntries(parameters.map((name, i) => [name, interval((e) => e.first[i])])),
      total: Object.fromEntries(parameters.map((name, i) => [name, interval((e) => e.total[i])])),
    };
  }
  return result;
}

interface Estimate {
  first: number[];
  total: number[];
  mean: number;
  variance: number;
}

/** The estimators over the rows `rows` (all rows, or a bootstrap resample). */
function saltelliEstimate(fA: Float64Array, fB: Float64Array, fAB: Float64Array[], rows: Int32Array): Estimate {
  const n = rows.length;
  let sum = 0;
  for (const j of rows) sum += fA[j] + fB[j];
  const mean = sum / (2 * n);
  let squares = 0;
  for (const j of rows) squares += (fA[j] - mean) ** 2 + (fB[j] - mean) ** 2;
  const variance = squares / (2 * n);
  const first = fAB.map((fi) => {
    let s = 0;
    for (const j of rows) s += (fB[j] - mean) * (fi[j] - fA[j]);
    return s / n / variance;
  });
  const total = fAB.map((fi) => {
    let s = 0;
    for (const j of rows) s += (fA[j] - fi[j]) ** 2;
    return s / (2 * n) / variance;
  });
  return { first, total, mean, variance };
}
