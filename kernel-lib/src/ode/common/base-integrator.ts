import type { Integrator, OutputWindow, Rhs, SolverStatus } from "../types.js";
import type { StepBudget } from "./budget.js";
import { failureMessage } from "./messages.js";
import type { ResolvedOptions } from "./options.js";
import type { FullStats } from "./stats.js";

/**
 * What the adaptive integrators share: argument checks, the guards, the failure message,
 * and the hand-over state auto() reads (`tStop`, `next`, `switchRequested`). A family
 * implements {@link BaseIntegrator.run}. Internal.
 */
export abstract class BaseIntegrator implements Integrator {
  message = "";
  /** Where the last `run` stopped (t1 on success, unless a switch was requested). */
  tStop = 0;
  /** First output index the last `run` did not emit. */
  next = 0;
  /** Set by `run` when the method judges the other one of auto() better suited. */
  switchRequested = false;

  // Public rather than protected: dopri5's generated loop reads them (see Dopri5Host).
  constructor(
    readonly n: number,
    readonly rhs: Rhs,
    readonly options: ResolvedOptions,
    readonly budget: StepBudget,
    readonly stats: FullStats,
  ) {}

  advance(t0: number, t1: number, y: Float64Array, p: Float64Array, outputs: OutputWindow): SolverStatus {
    checkAdvance(this.n, t0, t1, y);
    this.budget.begin();
    this.message = "";
    return this.run(t0, t1, y, p, outputs);
  }

  resetClock(): void {
    this.budget.resetClock();
  }

  /**
   * Integrates from t0 towards t1 within the current budget (no checks, no budget restart):
   * success with `tStop` = t1, or success with `tStop` < t1 and `switchRequested` set.
   */
  abstract run(t0: number, t1: number, y: Float64Array, p: Float64Array, outputs: OutputWindow): SolverStatus;

  /** Records a failure (message, stop point) and returns its status. */
  fail(status: SolverStatus, t: number, h: number, next: number, detail?: string): SolverStatus {
    this.message = failureMessage(status, t, h, this.options, detail);
    this.tStop = t;
    this.next = next;
    return status;
  }

  /** Records a normal stop at t. */
  stop(t: number, next: number): SolverStatus {
    this.tStop = t;
    this.next = next;
    return "success";
  }
}

/** Throws on misuse of `advance`: wrong state length, non-finite or decreasing interval. Internal. */
export function checkAdvance(n: number, t0: number, t1: number, y: Float64Array): void {
  if (y.length !== n) {
    throw new Error(`advance: state y has length ${y.length}, the integrator was created for n = ${n}`);
  }
  if (!(Number.isFinite(t0) && Number.isFinite(t1) && t1 >= t0)) {
    throw new Error(`advance: need finite t0 ≤ t1 (got t0 = ${t0}, t1 = ${t1})`);
  }
}
