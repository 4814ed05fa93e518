import type { SolverOptions } from "../types.js";

/** Smallest relative tolerance accepted: 100 × the double-precision ε (2.2e-16), rounded. */
export const MIN_RTOL = 1e-14;

/** {@link SolverOptions} with every default filled in and every value checked. Internal. */
export interface ResolvedOptions {
  readonly rtol: number;
  readonly atol: number;
  readonly maxSteps: number;
  readonly maxWallMs: number;
  readonly hmax: number;
  /** 0 when the first step is chosen automatically. */
  readonly dt: number;
  readonly adaptive: boolean;
}

/** The default error tolerances of every solver (and of the steady-state search that uses one). */
export const DEFAULT_TOLERANCE: { readonly rtol: number; readonly atol: number } = { rtol: 1e-6, atol: 1e-9 };

/**
 * Fills in the defaults of {@link SolverOptions} (rtol 1e-6, atol 1e-9, maxSteps 100 000,
 * maxWallMs 30 000, hmax unbounded, adaptive) and throws one clear Error naming the first
 * option whose value cannot be used. Internal.
 *
 * @example resolveOptions({ rtol: 1e-8 }).atol // 1e-9
 */
export function resolveOptions(options: SolverOptions = {}): ResolvedOptions {
  const rtol = positive("rtol", options.rtol, DEFAULT_TOLERANCE.rtol);
  // Below ~100 ε no error estimate can be met: the solver then fails with a misleading
  // "NaN or infinite" or "step too small" status (rtol = 1e-300).
  if (rtol < MIN_RTOL) throw new Error(`solver option rtol = ${rtol} is below what double precision can resolve; use rtol ≥ ${MIN_RTOL}`);
  const atol = options.atol ?? DEFAULT_TOLERANCE.atol;
  if (!(atol >= 0 && atol < Infinity)) {
    throw new Error(`solver option atol must be a finite number ≥ 0 (got ${atol})`);
  }
  const maxSteps = options.maxSteps ?? 100_000;
  if (!(Number.isInteger(maxSteps) && maxSteps >= 1)) {
    throw new Error(`solver option maxSteps must be a whole number ≥ 1 (got ${maxSteps})`);
  }
  const maxWallMs = positive("maxWallMs", options.maxWallMs, 30_000);
  const hmax = options.hmax === undefined ? Infinity : positive("hmax", options.hmax, Infinity);
  const dt = options.dt === undefined ? 0 : positive("dt", options.dt, 0);
  const adaptive = options.adaptive ?? true;
  if (!adaptive && dt === 0) throw new Error("solver option adaptive: false needs a step size: set dt");
  return { rtol, atol, maxSteps, maxWallMs, hmax, dt, adaptive };
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!(value > 0 && value < Infinity)) {
    throw new Error(`solver option ${name} must be a finite number > 0 (got ${value})`);
  }
  return value;
}
