import { describe, expect, it } from "vitest";
import { CovariateCurves } from "../../src/simulation/covariate-curves.js";

describe("CovariateCurves", () => {
  // WT in p[1]: 70 kg at 0 h, 90 kg at 10 h, 60 kg at 20 h; CRCL in p[2]: 100 then 50 at 5 h.
  const curves = new CovariateCurves([1, 2], [Float64Array.of(0, 10, 20), Float64Array.of(0, 5)], [Float64Array.of(70, 90, 60), Float64Array.of(100, 50)]);
  const p = new Float64Array(3);
  const wt = (t: number) => (t <= 0 ? 70 : t <= 10 ? 70 + 2 * t : t <= 20 ? 90 - 3 * (t - 10) : 60);
  const crcl = (t: number) => (t <= 0 ? 100 : t <= 5 ? 100 - 10 * t : 50);

  it("interpolates between knots and holds the end values outside, in any order of times", () => {
    for (const t of [11, 2.5, 25, -1, 12, 10, 0, 19.5, 3]) {
      curves.apply(t, p);
      expect(p[1]).toBeCloseTo(wt(t), 12);
      expect(p[2]).toBeCloseTo(crcl(t), 12);
    }
    expect(p[0]).toBe(0);
  });
});
