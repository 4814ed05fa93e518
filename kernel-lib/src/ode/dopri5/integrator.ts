import { BaseIntegrator } from "../common/base-integrator.js";
import type { StepBudget } from "../common/budget.js";
import type { ResolvedOptions } from "../common/options.js";
import type { FullStats } from "../common/stats.js";
import type { OutputWindow, Rhs, RhsCode, SolverStatus } from "../types.js";
import { Dopri5Cache } from "./cache.js";
import { dopri5Run, type Dopri5Run } from "./generate-run.js";

/** Consecutive stiff-looking steps before auto() switches (Hairer warns after 15). */
const STIFF_STEPS = 15;
/** Non-stiff-looking steps that clear the count (Hairer: 6). */
const NONSTIFF_STEPS = 6;

/**
 * Adaptive Dormand–Prince 5(4) integrator: FSAL, PI step-size control, Hairer's initial step
 * at every `run` start (each interval between doses starts afresh), 4th-order dense output
 * for the output times, last step landing exactly on t1. With `detectStiffness` (set by
 * auto()) it stops early and requests a switch after repeated stiff-looking steps. Its loop
 * is generated code (see `dopri5Run`), with f inlined when the right-hand side's source
 * (`code`) is given. Internal: built by {@link dopri5}.
 */
export class Dopri5Integrator extends BaseIntegrator {
  detectStiffness = false;
  private readonly cache: Dopri5Cache;
  private readonly loop: Dopri5Run;
  private stiffCount = 0;
  private nonstiffCount = 0;

  constructor(n: number, rhs: Rhs, options: ResolvedOptions, budget: StepBudget, stats: FullStats, code?: RhsCode) {
    super(n, rhs, options, budget, stats);
    this.cache = new Dopri5Cache(n);
    this.loop = dopri5Run(n, code);
  }

  run(t0: number, t1: number, y: Float64Array, p: Float64Array, outputs: OutputWindow): SolverStatus {
    return this.loop(this, this.cache, t0, t1, y, p, outputs);
  }

  /** A run of stiff-looking steps is being counted (the loop then tests every step). */
  get suspectsStiffness(): boolean {
    return this.stiffCount > 0;
  }

  /** Counts an accepted step that looked stiff (h·ρ > STIFF_RATIO) or not; requests the switch after a run of stiff-looking ones. */
  trackStiffness(stiff: boolean): void {
    if (stiff) {
      this.nonstiffCount = 0;
      if (++this.stiffCount >= STIFF_STEPS) {
        this.stiffCount = 0;
        this.switchRequested = true;
      }
    } else if (++this.nonstiffCount >= NONSTIFF_STEPS) {
      this.stiffCount = 0;
    }
  }
}
