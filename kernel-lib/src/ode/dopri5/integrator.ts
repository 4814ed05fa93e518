import { BaseIntegrator } from "../common/base-integrator.js";
import type { StepBudget } from "../common/budget.js";
import { initialStep } from "../common/initial-step.js";
import type { ResolvedOptions } from "../common/options.js";
import { emitExact, skipBefore } from "../common/outputs.js";
import type { FullStats } from "../common/stats.js";
import type { Rhs, SolverStatus } from "../types.js";
import { Dopri5Cache } from "./cache.js";
import { dopri5Kernels } from "./kernels.js";
import type { Dopri5Kernels } from "./kernels.js";
import { dopri5StiffnessRatio } from "./stiffness.js";

const EPS = Number.EPSILON;
/** Hairer's DOPRI5 defaults: safety factor, step ratio bounds, PI (Lund) stabilisation β. */
const SAFE = 0.9;
const FACC1 = 1 / 0.2;
const FACC2 = 1 / 10;
const BETA = 0.04;
const EXPO1 = 0.2 - BETA * 0.75;
/** ln of Hairer's floor 1e-4 on the remembered error. */
const LOG_FACOLD_MIN = Math.log(1e-4);
/**
 * h·ρ above this means the step is held by stability, not accuracy. Hairer tests 3.25 (the
 * edge of the region is 3.3 on the real axis), but the PI controller settles stability-bound
 * steps just inside it (h·ρ 2.5–3.2 on Robertson at rtol 1e-8, where 3.25 was seen 15 times in
 * 3900 steps); accuracy-bound steps stay below 2 for rtol ≤ 1e-2 on the non-stiff test set.
 */
const STIFF_RATIO = 2;
/** Consecutive stiff-looking steps before auto() switches (Hairer warns after 15). */
const STIFF_STEPS = 15;
/** Non-stiff-looking steps that clear the count (Hairer: 6). */
const NONSTIFF_STEPS = 6;
/** Step-size cuts by 10 tried when a step produces NaN/Inf before giving up. */
const NONFINITE_RETRIES = 10;

/**
 * Adaptive Dormand–Prince 5(4) integrator: FSAL, PI step-size control, Hairer's initial step
 * at every `run` start (each interval between doses starts afresh), 4th-order dense output
 * for the output times, last step landing exactly on t1. With `detectStiffness` (set by
 * auto()) it stops early and requests a switch after repeated stiff-looking steps. Internal:
 * built by {@link dopri5}.
 */
export class Dopri5Integrator extends BaseIntegrator {
  detectStiffness = false;
  private readonly cache: Dopri5Cache;
  private readonly kernels: Dopri5Kernels;
  private stiffCount = 0;
  private nonstiffCount = 0;

  constructor(n: number, rhs: Rhs, options: ResolvedOptions, budget: StepBudget, stats: FullStats) {
    super(n, rhs, options, budget, stats);
    this.cache = new Dopri5Cache(n);
    this.kernels = dopri5Kernels(n);
  }

  run(
    t0: number,
    t1: number,
    y: Float64Array,
    p: Float64Array,
    times: ArrayLike<number>,
    from: number,
    to: number,
    sink: (k: number, yk: Float64Array) => void,
  ): SolverStatus {
    const { cache: c, kernels, n, rhs, budget, stats } = this;
    const { rtol, atol, hmax, dt, adaptive } = this.options;
    const yk = c.yk;
    let k = emitExact(times, skipBefore(times, from, to, t0), to, t0, y, yk, sink);
    if (t1 === t0) return this.stop(t0, k);

    rhs(t0, y, p, c.k1);
    stats.rhsEvals++;
    let h = dt;
    if (h === 0) {
      h = initialStep(rhs, t0, y, p, c.k1, 5, rtol, atol, Math.min(hmax, t1 - t0), c.ytmp, c.k2);
      stats.rhsEvals++;
    }
    h = Math.min(h, hmax);
    let t = t0;
    let logFacold = LOG_FACOLD_MIN;
    let reject = false;
    let nonfinite = 0;
    for (;;) {
      const exhausted = budget.charge();
      if (exhausted !== undefined) return this.fail(exhausted, t, h, k);
      if (h < 16 * EPS * Math.abs(t) || !(h > 0)) return this.fail("step-too-small", t, h, k);
      let last = false;
      if (t + 1.01 * h >= t1) {
        h = t1 - t;
        last = true;
      }
      const err = kernels.step(c, rhs, t, h, y, p, rtol, atol);
      stats.rhsEvals += 6;

      if (!(err < Infinity)) {
        stats.rejected++;
        if (!adaptive || ++nonfinite > NONFINITE_RETRIES) return this.fail("unstable", t, h, k);
        h *= 0.1;
        reject = true;
        continue;
      }
      // In logarithms: Math.pow costs several times exp + log, and this runs every step.
      const logErr = Math.log(err);
      if (adaptive && err > 1) {
        stats.rejected++;
        h /= Math.min(FACC1, Math.exp(EXPO1 * logErr) / SAFE);
        reject = true;
        continue;
      }

      stats.steps++;
      nonfinite = 0;
      const tnew = last ? t1 : t + h;
      if (k < to && times[k] < tnew) {
        kernels.prepareDense(c, h, y);
        while (k < to && times[k] < tnew) {
          kernels.interpolate(c, (times[k] - t) / h, yk);
          sink(k, yk);
          k++;
        }
      }
      if (this.detectStiffness) this.trackStiffness(dopri5StiffnessRatio(c, h));
      const y1 = c.y1;
      for (let i = 0; i < n; i++) y[i] = y1[i];
      const f1 = c.k7;
      c.k7 = c.k1;
      c.k1 = f1;
      k = emitExact(times, k, to, tnew, y, yk, sink);
      t = tnew;
      if (last || this.switchRequested) return this.stop(t, k);

      if (adaptive) {
        // err^EXPO1 / facold^BETA: the PI controller's memory of the last accepted error.
        const fac = Math.max(FACC2, Math.min(FACC1, Math.exp(EXPO1 * logErr - BETA * logFacold) / SAFE));
        logFacold = Math.max(logErr, LOG_FACOLD_MIN);
        let hnew = Math.min(h / fac, hmax);
        if (reject) hnew = Math.min(hnew, h);
        h = hnew;
      }
      reject = false;
    }
  }

  private trackStiffness(hrho: number): void {
    if (hrho > STIFF_RATIO) {
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
