import type { SolverStatus } from "../types.js";

/** How often (in step attempts) the wall clock is read: Date.now() is cheap, not free. */
const CLOCK_EVERY = 128;

/**
 * The guards shared by every integrator: at most `maxSteps` step attempts (accepted +
 * rejected) per `advance`, and a wall-clock budget of `maxWallMs` counted from the first
 * `advance` after creation or after {@link StepBudget.resetClock}. One budget can be shared
 * by several integrators (auto() shares one between its two methods). Internal.
 *
 * @example
 * const budget = new StepBudget(100_000, 30_000);
 * budget.begin(); // at each advance
 * const stop = budget.charge(); // before each step attempt: "max-steps" | "timeout" | undefined
 */
export class StepBudget {
  private clockStart = -1;
  private steps = 0;
  private sinceClock = 0;

  constructor(
    readonly maxSteps: number,
    readonly maxWallMs: number,
  ) {}

  /** Restarts the wall-clock budget at the next {@link StepBudget.begin}. */
  resetClock(): void {
    this.clockStart = -1;
  }

  /** Starts one `advance`: the step count restarts; the clock starts if it is not running. */
  begin(): void {
    this.steps = 0;
    if (this.clockStart < 0) {
      this.clockStart = Date.now();
      this.sinceClock = 0;
    }
  }

  /** Counts one step attempt; returns the status that must end the integration, if any. */
  charge(): SolverStatus | undefined {
    if (++this.steps > this.maxSteps) return "max-steps";
    // Counted across advance calls so short intervals still read the clock now and then.
    if (++this.sinceClock >= CLOCK_EVERY) {
      this.sinceClock = 0;
      if (Date.now() - this.clockStart > this.maxWallMs) return "timeout";
    }
    return undefined;
  }
}
