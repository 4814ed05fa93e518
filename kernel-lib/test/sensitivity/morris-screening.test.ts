import { describe, expect, test } from "vitest";
import { morrisScreening, SensitivityError } from "../../src/index.js";

describe("Morris screening", () => {
  test("a linear function: every elementary effect is its slope times the range width, σ = 0", () => {
    // f = 3a − 2b + 0·c on a ∈ [0, 1], b ∈ [10, 14], c ∈ [5, 6]: effects 3·1, −2·4, 0 in unit-cube scale.
    const m = morrisScreening(({ a, b }) => 3 * a - 2 * b, { a: { min: 0, max: 1 }, b: { min: 10, max: 14 }, c: { min: 5, max: 6 } }, { trajectories: 10, seed: 4 });
    expect(m.evaluations).toBe(10 * 4);
    expect(m.mu.a).toBeCloseTo(3, 10);
    expect(m.mu.b).toBeCloseTo(-8, 10);
    expect(m.muStar.b).toBeCloseTo(8, 10);
    expect(m.muStar.c).toBe(0);
    expect(m.sigma.a).toBeLessThan(1e-10);
    expect(m.sigma.b).toBeLessThan(1e-10);
  });

  test("a log range: log z changes by ln(max/min) over the unit cube", () => {
    const m = morrisScreening(({ z }) => Math.log(z), { z: { min: 2, max: 50, scale: "log" } }, { trajectories: 6, levels: 6 });
    expect(m.mu.z).toBeCloseTo(Math.log(25), 10);
  });

  test("an interaction shows as σ > 0; the parameter that does not interact keeps σ = 0", () => {
    // f = a·b + c: the effect of a is b at the point of the move, which varies; that of c is 1.
    const m = morrisScreening(({ a, b, c }) => a * b + c, { a: { min: 0, max: 1 }, b: { min: 0, max: 1 }, c: { min: 0, max: 1 } }, { trajectories: 30 });
    expect(m.sigma.a).toBeGreaterThan(0.1);
    expect(m.sigma.c).toBeLessThan(1e-10);
    expect(m.mu.c).toBeCloseTo(1, 10);
  });
});

describe("Morris input errors", () => {
  const ranges = { x: { min: 0, max: 1 } };

  test("an odd number of levels", () => {
    expect(() => morrisScreening(({ x }) => x, ranges, { levels: 3 })).toThrow(new SensitivityError("levels = 3: the number of grid levels must be an even integer ≥ 2"));
  });

  test("fewer than two trajectories", () => {
    expect(() => morrisScreening(({ x }) => x, ranges, { trajectories: 1 })).toThrow(new SensitivityError("trajectories = 1: it must be an integer ≥ 2"));
  });

  test("a non-finite value names the grid point", () => {
    expect(() => morrisScreening(({ x }) => 1 / x, ranges)).toThrow(/the function returned Infinity at x=0; Morris screening needs a finite value on the whole grid/);
  });
});
