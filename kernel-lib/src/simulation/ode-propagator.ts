import type { Model } from "../model/types.js";
import type { Algorithm, Integrator, SolverOptions, SolverStats, SolverStatus } from "../ode/types.js";
import type { CovariateCurves } from "./covariate-curves.js";
import type { Propagator } from "./propagator.js";

/** Propagation by numerical integration of the model's ODEs plus the infusion rates. */
export class OdePropagator implements Propagator {
  readonly method: string;
  private readonly integrator: Integrator;
  private p: Float64Array = new Float64Array(0);
  private curves: CovariateCurves | undefined;

  constructor(model: Model, rates: Float64Array, algorithm: Algorithm, options: SolverOptions) {
    this.method = algorithm.name;
    const n = model.compartments.length;
    const { rhs, jacobian } = model;
    // Infusions enter as constant inputs; the Jacobian does not depend on them.
    // Interpolated covariates are written into p at each t before the model reads it.
    const withInputs = (t: number, y: Float64Array, p: Float64Array, dydt: Float64Array): void => {
      this.curves?.apply(t, p);
      rhs(t, y, p, dydt);
      for (let i = 0; i < n; i++) dydt[i] += rates[i];
    };
    const jacobianAt = (t: number, y: Float64Array, p: Float64Array, jac: Float64Array): void => {
      this.curves?.apply(t, p);
      jacobian(t, y, p, jac);
    };
    this.integrator = algorithm.createIntegrator(n, withInputs, jacobianAt, options);
  }

  get message(): string {
    return this.integrator.message;
  }

  get stats(): SolverStats {
    return this.integrator.stats;
  }

  setParams(p: Float64Array): void {
    this.p = p;
  }

  setCurves(curves: CovariateCurves | undefined): void {
    this.curves = curves;
  }

  startSubject(): void {
    this.integrator.resetClock();
  }

  advance(
    t0: number,
    t1: number,
    y: Float64Array,
    times: ArrayLike<number>,
    from: number,
    to: number,
    sink: (k: number, yk: Float64Array) => void,
  ): SolverStatus {
    return this.integrator.advance(t0, t1, y, this.p, times, from, to, sink);
  }
}
