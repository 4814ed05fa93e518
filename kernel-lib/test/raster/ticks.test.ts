import { describe, expect, it } from "vitest";
import { logTicks, niceTicks } from "../../src/raster/index.js";
import { tickLabels } from "../../src/raster/tick-labels.js";

describe("niceTicks", () => {
  // Each expected list by hand: raw step = span / target, rounded to 1, 2, 5 or 10 × 10ᵏ
  // (below 1.5 → 1, below 3 → 2, below 7 → 5, else 10), then the multiples inside the range.
  it("steps by 2 over 0–10.5 with five intervals wanted (raw step 2.1)", () => {
    expect(niceTicks(0, 10.5, 5)).toEqual([0, 2, 4, 6, 8, 10]);
  });

  it("steps by 5 over −1.2–25.2 with six intervals wanted (raw step 4.4)", () => {
    expect(niceTicks(-1.2, 25.2, 6)).toEqual([0, 5, 10, 15, 20, 25]);
  });

  it("steps by 0.2 over 0.13–0.87 (raw step 0.185), with no binary noise in the values", () => {
    expect(niceTicks(0.13, 0.87, 4)).toEqual([0.2, 0.4, 0.6, 0.8]);
  });

  it("steps by 0.1 over 0–0.7 with seven intervals wanted (raw step 0.1), ending exactly at 0.7", () => {
    expect(niceTicks(0, 0.7, 7)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
  });

  it("steps by 1000 over 1234–5678 (raw step 888.8 rounds to 10 × 100)", () => {
    expect(niceTicks(1234, 5678, 5)).toEqual([2000, 3000, 4000, 5000]);
  });

  it("steps by 50 across zero over −130–120 (raw step 62.5)", () => {
    expect(niceTicks(-130, 120, 4)).toEqual([-100, -50, 0, 50, 100]);
  });

  it("gives the single value of an empty range", () => {
    expect(niceTicks(3, 3, 5)).toEqual([3]);
  });
});

describe("logTicks", () => {
  it("gives the powers of ten inside a range spanning three or more of them", () => {
    expect(logTicks(0.5, 200, 6)).toEqual([1, 10, 100]);
    expect(logTicks(0.01, 1000, 6)).toEqual([0.01, 0.1, 1, 10, 100, 1000]);
  });

  it("adds 2 and 5 times each power on a short range", () => {
    expect(logTicks(1, 30, 6)).toEqual([1, 2, 5, 10, 20]);
    expect(logTicks(0.3, 4, 6)).toEqual([0.5, 1, 2]);
  });

  it("uses every whole multiple of a power when 1, 2, 5 give fewer than three ticks", () => {
    expect(logTicks(1.3, 8, 6)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(logTicks(25, 45, 6)).toEqual([30, 40]);
  });

  it("falls back to linear nice steps on a log range too narrow for two whole multiples", () => {
    // 25–27: the only whole multiple is none (20 and 30 lie outside); linear step 0.5 (raw 0.5).
    expect(logTicks(25, 27, 4)).toEqual([25, 25.5, 26, 26.5, 27]);
  });

  it("keeps every second power when too many fit", () => {
    expect(logTicks(1e-3, 1e6, 5)).toEqual([0.001, 0.1, 10, 1000, 100000]);
  });
});

describe("tickLabels", () => {
  it("gives linear ticks the decimals their step needs", () => {
    expect(tickLabels([0, 0.5, 1], false)).toEqual(["0.0", "0.5", "1.0"]);
    expect(tickLabels([0, 5, 10], false)).toEqual(["0", "5", "10"]);
    expect(tickLabels([0.02, 0.04], false)).toEqual(["0.02", "0.04"]);
  });

  it("writes log ticks plainly, and with an exponent beyond 10⁶ or below 10⁻⁴", () => {
    expect(tickLabels([0.01, 1, 100], true)).toEqual(["0.01", "1", "100"]);
    expect(tickLabels([1e-5, 1e7], true)).toEqual(["1e-5", "1e7"]);
  });
});
