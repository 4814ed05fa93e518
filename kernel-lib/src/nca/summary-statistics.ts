import { quantiles } from "../stats/index.js";
import { NcaError } from "./nca-error.js";

/** Descriptive statistics of one parameter over subjects, as reported in PK tables. */
export interface SummaryStatistics {
  /** Values used (finite ones; NaN values are counted in `missing`). */
  n: number;
  missing: number;
  mean: number;
  /** Sample standard deviation (n − 1 in the denominator). */
  sd: number;
  /** Arithmetic CV in %: 100·SD/mean. */
  cv: number;
  /** exp(mean of ln x); NaN when a value is ≤ 0. */
  geomean: number;
  /** Geometric CV in %: 100·sqrt(exp(s²) − 1), s the SD of ln x; NaN when a value is ≤ 0. */
  geocv: number;
  median: number;
  min: number;
  max: number;
}

/**
 * Summary statistics of a parameter across subjects (e.g. the AUCs of an NCA table):
 * arithmetic mean, SD and CV%, geometric mean and geometric CV% (the log-normal CV,
 * 100·√(exp(s²_ln) − 1); Julious & Debarnot, *J Biopharm Stat* 2000;10:55–71,
 * doi:10.1081/BIP-100101013), median (type-7 quantile), minimum and maximum. NaN values are
 * left out and counted in `missing`; the geometric statistics are NaN when a value is ≤ 0.
 * An empty list, or one without a finite value, throws an `NcaError`.
 *
 * @example
 * summaryStatistics([1, 2, 4, 8]).geomean; // 2^1.5 ≈ 2.828
 */
export function summaryStatistics(values: ArrayLike<number>, name = "values"): SummaryStatistics {
  const x: number[] = [];
  let missing = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) missing++;
    else if (!Number.isFinite(v)) throw new NcaError(`${name}[${i}] = ${v}: summary statistics need finite numbers (NaN counts as missing)`);
    else x.push(v);
  }
  if (x.length === 0) throw new NcaError(`${name}: no value to summarise (${missing} missing)`);
  const { mean, sd } = meanSd(x);
  const positive = x.every((v) => v > 0);
  const logs = meanSd(x.map(Math.log));
  return {
    n: x.length,
    missing,
    mean,
    sd,
    cv: (100 * sd) / mean,
    geomean: positive ? Math.exp(logs.mean) : NaN,
    geocv: positive ? 100 * Math.sqrt(Math.expm1(logs.sd * logs.sd)) : NaN,
    median: quantiles(Float64Array.from(x), x.length, [0.5])[0],
    min: Math.min(...x),
    max: Math.max(...x),
  };
}

/** Mean and sample SD (NaN for one value), by Welford's update for accuracy on large, close values. */
export function meanSd(x: readonly number[]): { mean: number; sd: number } {
  let mean = 0;
  let m2 = 0;
  x.forEach((v, i) => {
    const d = v - mean;
    mean += d / (i + 1);
    m2 += d * (v - mean);
  });
  return { mean, sd: x.length > 1 ? Math.sqrt(m2 / (x.length - 1)) : NaN };
}
