import { describe, expect, it } from "vitest";
import { NcaError, summaryStatistics } from "../../src/nca/index.js";

describe("summary statistics", () => {
  it("geometric mean of 1, 2, 4, 8 is 2^1.5 and the geometric CV is 100·sqrt(exp(s²) − 1) with s the SD of ln x", () => {
    const s = summaryStatistics([1, 2, 4, 8]);
    expect(s.geomean).toBeCloseTo(2 ** 1.5, 12);
    // ln x = (0, 1, 2, 3)·ln 2: sample variance (5/3)·ln²2.
    const s2 = (5 / 3) * Math.LN2 ** 2;
    expect(s.geocv).toBeCloseTo(100 * Math.sqrt(Math.exp(s2) - 1), 10);
  });

  it("arithmetic mean, SD (n − 1), CV%, median and range of a hand-checked list", () => {
    const s = summaryStatistics([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(s.mean).toBe(5);
    // Σ(x − 5)² = 32, over n − 1 = 7.
    expect(s.sd).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(s.cv).toBeCloseTo((100 * Math.sqrt(32 / 7)) / 5, 12);
    expect(s.median).toBe(4.5);
    expect([s.min, s.max]).toEqual([2, 9]);
    expect(s.n).toBe(8);
  });

  it("NaN values are counted as missing; a value ≤ 0 makes the geometric statistics NaN", () => {
    const s = summaryStatistics([NaN, 0, 3]);
    expect(s.missing).toBe(1);
    expect(s.n).toBe(2);
    expect(s.mean).toBe(1.5);
    expect(s.geomean).toBeNaN();
    expect(s.geocv).toBeNaN();
  });

  it("an empty list or an infinite value is an error naming it", () => {
    expect(() => summaryStatistics([], "auclast")).toThrow(NcaError);
    expect(() => summaryStatistics([1, Infinity], "cmax")).toThrow(/cmax\[1\] = Infinity/);
  });
});
