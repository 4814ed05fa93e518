import { BaseIntegrator } from "../common/base-integrator.js";
import type { StepBudget } from "../common/budget.js";
import type { ResolvedOptions } from "../common/options.js";
import { emitExact, skipBefore } from "../common/outputs.js";
import { firstStep, limitStep, stepGuard } from "../common/step-control.js";
import type { FullStats } from "../common/stats.js";
import type { Jacobian, OutputWindow, Rhs, SolverStatus } from "../types.js";
import { Rodas4Cache } from "./cache.js";
import { rodas4Interpolate, rodas4PrepareDense } from "./dense.js";
import { finiteDifferenceJacobian, finiteDifferenceTimeDerivative } from "./finite-differences.js";
import { rodas4Factor, rodas4Step } from "./step.js";

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
  private readonly control = new GustafssonControl();
  /** The last `attempt` found I/(γh) − J singular or not finite. */
  private singular = false;
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
    const { cache: c, rhs, stats } = this;
    const { adaptive } = this.options;
    let k = emitExact(outputs, skipBefore(outputs, t0), t0, y, c.yk);
    if (t1 === t0) return this.stop(t0, k);

    rhs(t0, y, p, c.f0);
    stats.rhsEvals++;
    let h = firstStep(this, t0, t1, y, p, c.f0, 4, c.ytmp, c.fnew);
    const control = this.control;
    control.restart();
    let t = t0;
    let retries = 0;
    let jnorm = 0;
    let fresh = false;
    for (;;) {
      const halt = stepGuard(this.budget, t, h);
      if (halt !== undefined) return this.fail(halt, t, h, k);
      let last = false;
      if (t + 1.01 * h >= t1) {
        h = t1 - t;
        last = true;
      }
      if (!fresh) {
        jnorm = this.derivatives(t, y, p);
        fresh = true;
      }
      const err = this.attempt(t, h, y, p);
      if (!(err < Infinity)) {
        stats.rejected++;
        if (!adaptive || ++retries > RETRIES) return this.fail("unstable", t, h, k, this.singular ? "iteration matrix I/(γh) − J is singular or not finite" : undefined);
        h *= this.singular ? 0.5 : 0.1;
        control.rejected = true;
        continue;
      }
      const fac = control.factor(err);
      if (adaptive && err > 1) {
        stats.rejected++;
        h /= fac;
        control.rejected = true;
        continue;
      }

      retries = 0;
      const tnew = last ? t1 : t + h;
      k = this.accept(t, h, tnew, y, outputs, k);
      t = tnew;
      if (this.detectNonstiff) this.trackNonstiffness(h * jnorm);
      if (last || this.switchRequested) return this.stop(t, k);

      rhs(t, y, p, c.f0);
      stats.rhsEvals++;
      fresh = false;
      h = adaptive ? control.next(h, err, fac, this.options.hmax) : h;
      control.rejected = false;
    }
  }

  /**
   * One Rodas4 step of size h from (t, y) with the current derivatives: factors I/(γh) − J
   * and computes the stages and the new state into the cache. Returns the error norm, or NaN
   * when the matrix is singular (`singular` set) or the step is not finite.
   */
  private attempt(t: number, h: number, y: Float64Array, p: Float64Array): number {
    const { cache: c, stats } = this;
    const { rtol, atol } = this.options;
    stats.factorizations++;
    this.singular = !rodas4Factor(c, h, this.n);
    if (this.singular) return NaN;
    const err = rodas4Step(c, this.rhs, t, h, y, p, rtol, atol);
    stats.rhsEvals += 5;
    return err;
  }

  /** Takes the accepted step to tnew: outputs inside it from the dense output, the new state into y, outputs on it. Returns the next output index. */
  private accept(t: number, h: number, tnew: number, y: Float64Array, outputs: OutputWindow, k: number): number {
    const { cache: c, n, stats } = this;
    const { times, to, sink } = outputs;
    stats.steps++;
    stats.stiffSteps++;
    if (k < to && times[k] < tnew) {
      rodas4PrepareDense(c, y);
      while (k < to && times[k] < tnew) {
        rodas4Interpolate(c, (times[k] - t) / h, c.yk);
        sink(k, c.yk);
        k++;
      }
    }
    const y1 = c.y1;
    for (let i = 0; i < n; i++) y[i] = y1[i];
    return emitExact(outputs, k, tnew, y, c.yk);
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

/**
 * Hairer's RODAS step-size control: fac = err^(1/4)/SAFE within [FAC2, FAC1], and after the
 * first accepted step Gustafsson's predictive controller, which also looks at the previous
 * step (hold) and error (errold). One per integrator; restarted at every run.
 */
class GustafssonControl {
  /** The step just tried was rejected: the next accepted step may not grow beyond it. */
  rejected = false;
  private first = true;
  private hold = 0;
  private errold = 0;

  restart(): void {
    this.rejected = false;
    this.first = true;
    this.hold = 0;
    this.errold = 0;
  }

  /** h / fac is the step the error err asks for (a rejected step is retried with it). */
  factor(err: number): number {
    // x^(1/4) as two square roots: Math.pow costs several times more, every step.
    return Math.max(FAC2, Math.min(FAC1, Math.sqrt(Math.sqrt(err)) / SAFE));
  }

  /** The step after an accepted step h with error err and factor fac, at most hmax. */
  next(h: number, err: number, fac: number, hmax: number): number {
    if (!this.first) {
      // Gustafsson's predictive controller, as in RODAS.
      const predicted = ((this.hold / h) * Math.sqrt(Math.sqrt((err * err) / this.errold))) / SAFE;
      fac = Math.max(fac, Math.max(FAC2, Math.min(FAC1, predicted)));
    }
    this.first = false;
    this.hold = h;
    this.errold = Math.max(0.01, err);
    return limitStep(h / fac, h, hmax, this.rejected);
  }
}
