import { rangeQuantile, type ParameterRange } from "./parameter-range.js";
import { SensitivityError } from "./sensitivity-error.js";
import { RandomStream } from "../random/index.js";
import type { ParameterFunction } from "./sobol-indices.js";

/** Options of {@link morrisScreening}. */
export interface MorrisOptions {
  /** Number of trajectories r (default 20); the cost is r·(d + 1) evaluations. */
  trajectories?: number;
  /** Number of grid levels p, even (default 4); the step is Δ = p / (2(p − 1)). */
  levels?: number;
  /** Seed of the uniform generator (default 1). */
  seed?: number;
}

/** Elementary-effect statistics per parameter, in unit-cube scale (a range's full width is 1). */
export interface MorrisScreening {
  parameters: string[];
  /** Mean elementary effect μ: signed, so effects of opposite sign can cancel. */
  mu: Record<string, number>;
  /** Mean absolute elementary effect μ* (Campolongo et al. 2007): the importance ranking. */
  muStar: Record<string, number>;
  /** Standard deviation σ of the elementary effects: nonlinearity or interactions. */
  sigma: Record<string, number>;
  /** Number of evaluations of f: r·(d + 1). */
  evaluations: number;
}

/**
 * Morris screening (Morris 1991, Technometrics 33:161–174) with the μ* measure of
 * Campolongo, Cariboni & Saltelli 2007 (Environ Model Softw 22:1509–1518): r random
 * one-at-a-time trajectories on a p-level grid of the unit cube, each moving every parameter
 * once, in random order, by ±Δ; the elementary effect of parameter i is
 * (f(x + Δe_i) − f(x)) / Δ with x mapped to values through each range's quantile function.
 * Cheap (r·(d + 1) evaluations) ranking of many parameters before a Sobol analysis. Grid
 * levels include u = 0 and 1, so a quantile function must be finite there (truncate it).
 *
 * @example
 * const m = morrisScreening(({ a, b }) => 3 * a + b * b, { a: { min: 0, max: 1 }, b: { min: 0, max: 1 } });
 * m.muStar.a; // 3: a moves f by 3 over its whole range, everywhere
 */
export function morrisScreening(f: ParameterFunction, ranges: Record<string, ParameterRange>, options: MorrisOptions = {}): MorrisScreening {
  const { trajectories: r = 20, levels: p = 4, seed = 1 } = options;
  const parameters = Object.keys(ranges);
  if (parameters.length === 0) throw new SensitivityError("morrisScreening needs at least one parameter range");
  if (!Number.isInteger(r) || r < 2) throw new SensitivityError(`trajectories = ${r}: it must be an integer ≥ 2`);
  if (!Number.isInteger(p) || p < 2 || p % 2 !== 0) throw new SensitivityError(`levels = ${p}: the number of grid levels must be an even integer ≥ 2`);
  const quantiles = parameters.map((name) => rangeQuantile(name, ranges[name]));
  const d = parameters.length;
  const delta = p / (2 * (p - 1));
  const stream = RandomStream.fromSeed(seed);
  const uniform = (): number => stream.uniform();
  const evaluate = (u: Float64Array): number => {
    const params: Record<string, number> = {};
    parameters.forEach((name, i) => (params[name] = quantiles[i](u[i])));
    const y = f(params);
    if (!Number.isFinite(y)) throw new SensitivityError(`the function returned ${y} at ${parameters.map((name) => `${name}=${params[name]}`).join(", ")}; Morris screening needs a finite value on the whole grid`);
    return y;
  };

  const effects = parameters.map(() => new Float64Array(r));
  const u = new Float64Array(d);
  for (let t = 0; t < r; t++) {
    // A random level per parameter; from level k/(p−1) exactly one of ±Δ stays in [0, 1].
    for (let i = 0; i < d; i++) u[i] = Math.floor(uniform() * p) / (p - 1);
    const order = shuffle(Array.from({ length: d }, (_, i) => i), uniform);
    let before = evaluate(u);
    for (const i of order) {
      const step = u[i] + delta <= 1 + 1e-12 ? delta : -delta;
      u[i] += step;
      const after = evaluate(u);
      effects[i][t] = (after - before) / step;
      before = after;
    }
  }
  const mean = (x: Float64Array) => x.reduce((s, v) => s + v, 0) / r;
  const record = (stat: (x: Float64Array) => number) => Object.fromEntries(parameters.map((name, i) => [name, stat(effects[i])]));
  return {
    parameters,
    mu: record(mean),
    muStar: record((x) => mean(x.map(Math.abs))),
    sigma: record((x) => {
      const m = mean(x);
      return Math.sqrt(x.reduce((s, v) => s + (v - m) ** 2, 0) / (r - 1));
    }),
    evaluations: r * (d + 1),
  };
}

/** Fisher–Yates shuffle in place with the given uniform stream. */
function shuffle(items: number[], uniform: () => number): number[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(uniform() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
