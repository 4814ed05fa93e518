import { checkAdvance } from "../common/base-integrator.js";
import type { StepBudget } from "../common/budget.js";
import type { FullStats } from "../common/stats.js";
import type { Dopri5Integrator } from "../dopri5/integrator.js";
import type { Rodas4Integrator } from "../rodas4/integrator.js";
import type { Integrator, OutputWindow, SolverStatus } from "../types.js";

/**
 * LSODA-like switching between a non-stiff and a stiff integrator that share one budget and
 * one set of statistics. Starts non-stiff; dopri5 requests the switch when Hairer's
 * stiffness estimate h·ρ keeps showing stability-bound steps, rodas4 requests it back when
 * its steps stay well inside dopri5's stability region. The current method is kept across `advance` calls, so a
 * stiff subject stays on rodas4 from dose to dose. Internal: built by {@link auto}.
 */
export class AutoIntegrator implements Integrator {
  message = "";
  /** True while the stiff method is in use. */
  stiff = false;

  constructor(
    private readonly n: number,
    private readonly nonstiff: Dopri5Integrator,
    private readonly stiffMethod: Rodas4Integrator,
    private readonly budget: StepBudget,
    readonly stats: FullStats,
  ) {
    nonstiff.detectStiffness = true;
    stiffMethod.detectNonstiff = true;
  }

  advance(t0: number, t1: number, y: Float64Array, p: Float64Array, outputs: OutputWindow): SolverStatus {
    checkAdvance(this.n, t0, t1, y);
    this.budget.begin();
    let t = t0;
    let rest = outputs;
    for (;;) {
      const method = this.stiff ? this.stiffMethod : this.nonstiff;
      const status = method.run(t, t1, y, p, rest);
      if (method.switchRequested) {
        method.switchRequested = false;
        this.stiff = !this.stiff;
        this.stats.switches++;
      }
      if (status !== "success" || method.tStop === t1) {
        this.message = status === "success" ? "" : method.message;
        return status;
      }
      t = method.tStop;
      // The other method goes on from the first output not yet emitted.
      rest = { ...outputs, from: method.next };
    }
  }

  resetClock(): void {
    this.budget.resetClock();
  }
}
