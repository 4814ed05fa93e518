import { BaseIntegrator } from "../common/base-integrator.js";
import type { StepBudget } from "../common/budget.js";
import { initialStep } from "../common/initial-step.js";
import type { ResolvedOptions } from "../common/options.js";
import { emitExact, skipBefore } from "../common/outputs.js";
import type { FullStats } from "../common/stats.js";
import type { Jacobian, OutputWindow, Rhs, SolverStatus } from "../types.js";
import { Rodas4Cache } from "./cache.js";
import { rodas4Interpolate, rodas4PrepareDense } from "./dense.js";
import { finiteDifferenceJacobian, finiteDifferenceTimeDerivative } from "./finite-differences.js";
import { rodas4Factor, rodas4Step } from "./step.js";

const EPS = Number.EPSILON;
/** Hairer's RODAS defaults: safety factor and step ratio bounds h/5 ≤ hnew ≤ 6h. */
const SAFE = 0.9;
const FAC1 = 5;
const FAC2 = 1 / 6;
/**
 * h·‖J‖∞ below this is well inside dopri5's stability region (its real-axis edge is 3.3):
 * the step is set by accuracy, not stability, so the explicit method would do as well.
 */
const NONSTIFF_RATIO = 1;
/** Consecutive non-stiff-looking steps before auto() switches back. */
const NONSTIFF_STEPS = 15;
/** Step-size cuts tried when a step produces NaN/Inf or a singular matrix. */
const RETRIES = 10;

/**
 * Adaptive Rodas4 integrator: stiffly accurate Rosenbrock 4(3) with the supplied Jacobian
 * (forward differences when absent) evaluated once per accepted step, Hairer's predictive
 * (Gustafsson) step-size control, Hairer's initial step at every `run` start, 3rd-order
 * dense output for the output times, last step landing exactly on t1. With `detectNonstiff`
 * (set by auto()) it stops early and requests a switch when its steps stay well inside the
 * explicit method's stability region. Internal: built by {@link rodas4}.
 */
export class Rodas4Integrator extends BaseIntegrator {
  detectNonstiff = false;
  private readonly cache: Rodas4Cache;
  private nonstiffCount = 0;

  constructor(
    n: number,
    rhs: Rhs,
    private readonly jacobian: Jacobian | undefined,
    options: ResolvedOptions,
    budget: StepBudget,
    stats: FullStats,
  ) {
    super(n, rhs, options, budget, stats);
    this.cache = new Rodas4Cache(n);
  }

  run(t0: number, t1: number, y: Float64Array, p: Float64Array, outputs: OutputWindow): SolverStatus {
    const { cache: c, n, rhs, budget, stats } = this;
    const { rtol, atol, hmax, dt, adaptive } = this.options;
    const yk = c.yk;
    const { times, to, sink } = outputs;
    let k = emitExact(outputs, skipBefore(outputs, t0), t0, y, yk);
    if (t1 === t0) return this.stop(t0, k);

    rhs(t0, y, p, c.f0);
    stats.rhsEvals++;
    let h = dt;
    if (h === 0) {
      h = initialStep(rhs, t0, y, p, c.f0, 4, rtol, atol, Math.min(hmax, t1 - t0), c.ytmp, c.fnew);
      stats.rhsEvals++;
    }
    h = Math.min(h, hmax);
    let t = t0;
    let reject = false;
    let first = true;
    let hold = 0;
    let errold = 0;
    let retries = 0;
    let jnorm = 0;
    let fresh = false;
    for (;;) {
      const exhausted = budget.charge();
      if (exhausted !== undefined) return this.fail(exhausted, t, h, k);
      if (h < 16 * EPS * Math.abs(t) || !(h > 0)) return this.fail("step-too-small", t, h, k);
      let last = false;
      if (t + 1.01 * h >= t1) {
        h = t1 - t;
        last = true;
      }
      if (!fresh) {
        jnorm = this.derivatives(t, y, p);
        fresh = true;
      }
      stats.factorizations++;
      const factored = rodas4Factor(c, h, n);
      const err = factored ? rodas4Step(c, rhs, t, h, y, p, rtol, atol) : NaN;
      if (factored) stats.rhsEvals += 5;

      if (!(err < Infinity)) {
        stats.rejected++;
        if (!adaptive || ++retries > RETRIES) {
          const why = factored ? undefined : "iteration matrix I/(γh) − J is singular or not finite";
          return this.fail("unstable", t, h, k, why);
        }
        h *= factored ? 0.1 : 0.5;
        reject = true;
        continue;
      }
      // x^(1/4) as two square roots: Math.pow costs several times more, every step.
      let fac = Math.max(FAC2, Math.min(FAC1, Math.sqrt(Math.sqrt(err)) / SAFE));
      if (adaptive && err > 1) {
        stats.rejected++;
        h /= fac;
        reject = true;
        continue;
      }

      stats.steps++;
      stats.stiffSteps++;
      retries = 0;
      const tnew = last ? t1 : t + h;
      if (k < to && times[k] < tnew) {
        rodas4PrepareDense(c, y);
        while (k < to && times[k] < tnew) {
          rodas4Interpolate(c, (times[k] - t) / h, yk);
          sink(k, yk);
          k++;
        }
      }
      const y1 = c.y1;
      for (let i = 0; i < n; i++) y[i] = y1[i];
      k = emitExact(outputs, k, tnew, y, yk);
      t = tnew;
      if (this.detectNonstiff) this.trackNonstiffness(h * jnorm);
      if (last || this.switchRequested) return this.stop(t, k);

      rhs(t, y, p, c.f0);
      stats.rhsEvals++;
      fresh = false;
      if (adaptive) {
        if (!first) {
          // Gustafsson's predictive controller, as in RODAS.
          const predicted = ((hold / h) * Math.sqrt(Math.sqrt((err * err) / errold))) / SAFE;
          fac = Math.max(fac, Math.max(FAC2, Math.min(FAC1, predicted)));
        }
        first = false;
        hold = h;
        errold = Math.max(0.01, err);
        let hnew = Math.min(h / fac, hmax);
        if (reject) hnew = Math.min(hnew, h);
        h = hnew;
      }
      reject = false;
    }
  }

  /** Jacobian and ∂f/∂t at (t, y) into the cache; returns ‖J‖∞ (0 unless detecting). */
  private derivatives(t: number, y: Float64Array, p: Float64Array): number {
    const { cache: c, n, rhs, stats } = this;
    if (this.jacobian) {
      this.jacobian(t, y, p, c.jac);
    } else {
      finiteDifferenceJacobian(rhs, t, y, p, c.f0, c.jac, c.ytmp, c.fnew);
      stats.rhsEvals += n;
    }
    stats.jacobianEvals++;
    finiteDifferenceTimeDerivative(rhs, t, y, p, c.f0, c.ft, c.fnew);
    stats.rhsEvals++;
    if (!this.detectNonstiff) return 0;
    let norm = 0;
    for (let i = 0; i < n; i++) {
      let row = 0;
      for (let j = 0; j < n; j++) row += Math.abs(c.jac[i * n + j]);
      norm = Math.max(norm, row);
    }
    return norm;
  }

  private trackNonstiffness(hnorm: number): void {
    if (hnorm >= NONSTIFF_RATIO) {
      this.nonstiffCount = 0;
    } else if (++this.nonstiffCount >= NONSTIFF_STEPS) {
      this.nonstiffCount = 0;
      this.switchRequested = true;
    }
  }
}
