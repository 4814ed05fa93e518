import { quantiles } from "../stats/quantile.js";

/**
 * Quantiles at each time of time-major values (`values[k·subjects + s]` is subject s at the
 * k-th time), leaving out NaN (failed subjects); `result[q][k]` is quantile q at time k.
 * Reorders `values`. The same numbers whichever thread computes them, so the times can be
 * shared out between workers.
 *
 * @example
 * bandQuantiles(Float64Array.of(1, 3, 2, NaN), 2, [0.5]); // [Float64Array [2, 2]]
 */
export function bandQuantiles(values: Float64Array | Float32Array, subjects: number, probabilities: readonly number[]): Float64Array[] {
  const times = subjects > 0 ? values.length / subjects : 0;
  const result = probabilities.map(() => new Float64Array(times));
  for (let k = 0; k < times; k++) {
    const column = values.subarray(k * subjects, (k + 1) * subjects);
    let count = 0;
    for (let s = 0; s < subjects; s++) {
      const v = column[s];
      if (!Number.isNaN(v)) column[count++] = v;
    }
    quantiles(column, count, probabilities).forEach((v, q) => (result[q][k] = v));
  }
  return result;
}
