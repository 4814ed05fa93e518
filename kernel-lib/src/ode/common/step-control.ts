import type { Rhs, SolverStatus } from "../types.js";
import type { StepBudget } from "./budget.js";
import { initialStep } from "./initial-step.js";
import type { ResolvedOptions } from "./options.js";
import type { FullStats } from "./stats.js";

/** What the step-control pieces read from an integrator. Internal. */
export interface StepHost {
  readonly rhs: Rhs;
  readonly options: ResolvedOptions;
  readonly stats: FullStats;
}

/** A step of at most 16 ulp of t no longer moves t (and a NaN or non-positive step never does). */
const TOO_SMALL = 16 * Number.EPSILON;

/**
 * The first step of a run, from f0 = f(t0, y): `dt` when set, else Hairer's initial step for
 * a method of order `order` (one more f evaluation, into the scratch buffers `ytmp` and
 * `f1`), capped at `hmax`. Shared by rodas4 and dopri5's generated loop. Internal.
 *
 * @example let h = firstStep(integrator, t0, t1, y, p, f0, 4, ytmp, f1);
 */
export function firstStep(host: StepHost, t0: number, t1: number, y: Float64Array, p: Float64Array, f0: Float64Array, order: number, ytmp: Float64Array, f1: Float64Array): number {
  const { rtol, atol, hmax, dt } = host.options;
  let h = dt;
  if (h === 0) {
    h = initialStep(host.rhs, t0, y, p, f0, order, rtol, atol, Math.min(hmax, t1 - t0), ytmp, f1);
    host.stats.rhsEvals++;
  }
  return Math.min(h, hmax);
}

/**
 * Checked before each step attempt: the step budget (see {@link StepBudget.charge}), then a
 * step too small to move t. Returns the status that must end the run, if any. Internal.
 */
export function stepGuard(budget: StepBudget, t: number, h: number): SolverStatus | undefined {
  const exhausted = budget.charge();
  if (exhausted !== undefined) return exhausted;
  if (h < TOO_SMALL * Math.abs(t) || !(h > 0)) return "step-too-small";
  return undefined;
}

/** The next step from the controller's proposal: at most `hmax`, and no larger than h right after a rejection. Internal. */
export function limitStep(proposed: number, h: number, hmax: number, rejected: boolean): number {
  const hnew = Math.min(proposed, hmax);
  return rejected ? Math.min(hnew, h) : hnew;
}
