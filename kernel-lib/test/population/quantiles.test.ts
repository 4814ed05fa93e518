import { describe, expect, it } from "vitest";
import { bandQuantiles, quantiles, RandomStream } from "../../src/index.js";

/** Type 7 from a full sort, as R's quantile(x, p) computes it. */
function sortedQuantile(x: number[], p: number): number {
  const s = [...x].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < s.length ? s[lo] + (h - lo) * (s[lo + 1] - s[lo]) : s[lo];
}

describe("quantiles by selection", () => {
  it("equal those of a full sort for random data of many sizes, with ties", () => {
    const rng = RandomStream.fromSeed(13);
    const probabilities = [0.95, 0, 0.05, 0.5, 0.25, 1, 0.999];
    for (const n of [1, 2, 3, 5, 10, 101, 1000]) {
      for (const tied of [false, true]) {
        const x = Array.from({ length: n }, () => (tied ? Math.floor(rng.uniform() * 4) : rng.normal()));
        const got = quantiles(Float64Array.from(x), n, probabilities);
        expect(got).toEqual(probabilities.map((p) => sortedQuantile(x, p)));
      }
    }
  });

  it("match R's quantile(c(4, 1, 3, 2), c(0.1, 0.5)) = 1.3, 2.5", () => {
    const [q10, q50] = quantiles(Float64Array.of(4, 1, 3, 2), 4, [0.1, 0.5]);
    expect(q10).toBeCloseTo(1.3, 14);
    expect(q50).toBe(2.5);
  });

  it("bandQuantiles leaves out NaN (failed subjects) at each time", () => {
    // Time-major: time 0 = [1, NaN, 3], time 1 = [NaN, NaN, 5].
    const [median] = bandQuantiles(Float64Array.of(1, NaN, 3, NaN, NaN, 5), 3, [0.5]);
    expect(Array.from(median)).toEqual([2, 5]);
  });
});
