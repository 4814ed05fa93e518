import { rhsCodeOf } from "../model/rhs-code.js";
import type { Model } from "../model/types.js";
import type { Algorithm, Integrator, Jacobian, OutputWindow, Rhs, RhsCode, SolverOptions, SolverStats, SolverStatus } from "../ode/types.js";
import type { CovariateCurves } from "./covariate-curves.js";
import type { Propagator } from "./propagator.js";

/**
 * Propagation by numerical integration of the model's ODEs plus the infusion rates.
 *
 * A compiled model's right-hand side is inlined into the integrator's loop (see `RhsCode`),
 * with the parameters and infusion rates read once per interval: the rates travel after
 * the parameters in one vector. Two cases call the model's `rhs` instead: models without
 * generated source (plain functions, wrapped models), and subjects with linearly
 * interpolated covariates, whose parameters change with t inside an interval.
 */
export class OdePropagator implements Propagator {
  readonly method: string;
  /** Integrator with the right-hand side inlined; undefined when the model has no source. */
  private readonly inlined: Integrator | undefined;
  /** Integrator that calls the right-hand side; made when first needed. */
  private called: Integrator | undefined;
  private p: Float64Array = new Float64Array(0);
  /** p (parameters then covariates) followed by the infusion rates, as the inlined right-hand side reads them. */
  private readonly withRates: Float64Array;
  private curves: CovariateCurves | undefined;
  private readonly rhs: Rhs;
  private readonly jacobian: Jacobian;

  constructor(
    private readonly model: Model,
    private readonly rates: Float64Array,
    private readonly algorithm: Algorithm,
    private readonly options: SolverOptions,
  ) {
    this.method = algorithm.name;
    const n = model.compartments.length;
    const { rhs, jacobian } = model;
    // Infusions enter as constant inputs; the Jacobian does not depend on them.
    // Interpolated covariates are written into p at each t before the model reads it.
    this.rhs = (t: number, y: Float64Array, p: Float64Array, dydt: Float64Array): void => {
      this.curves?.apply(t, p);
      rhs(t, y, p, dydt);
      for (let i = 0; i < n; i++) dydt[i] += rates[i];
    };
    this.jacobian = (t: number, y: Float64Array, p: Float64Array, jac: Float64Array): void => {
      this.curves?.apply(t, p);
      jacobian(t, y, p, jac);
    };
    const inputs = model.parameters.length + model.covariates.length;
    this.withRates = new Float64Array(inputs + n);
    const code = rhsCodeOf(rhs);
    this.inlined = code && algorithm.createIntegrator(n, this.rhs, this.jacobian, options, codeWithRates(code, inputs, n));
  }

  get message(): string {
    return this.current().message;
  }

  /** Statistics of both integrators when a simulation used both. */
  get stats(): SolverStats {
    const { inlined, called } = this;
    if (!inlined || !called) return (inlined ?? called ?? this.current()).stats;
    const sum = { ...inlined.stats };
    for (const key of Object.keys(sum) as (keyof SolverStats)[]) sum[key] = (sum[key] ?? 0) + (called.stats[key] ?? 0);
    return sum;
  }

  setParams(p: Float64Array): void {
    this.p = p;
  }

  setCurves(curves: CovariateCurves | undefined): void {
    this.curves = curves;
  }

  startSubject(): void {
    this.inlined?.resetClock();
    this.called?.resetClock();
  }

  advance(t0: number, t1: number, y: Float64Array, outputs: OutputWindow): SolverStatus {
    if (this.inlined && !this.curves) {
      const q = this.withRates;
      q.set(this.p);
      q.set(this.rates, q.length - this.rates.length);
      return this.inlined.advance(t0, t1, y, q, outputs);
    }
    return this.current().advance(t0, t1, y, this.p, outputs);
  }

  /** The integrator in use: the inlined one unless interpolated covariates need the calling one. */
  private current(): Integrator {
    if (this.inlined && !this.curves) return this.inlined;
    this.called ??= this.algorithm.createIntegrator(this.model.compartments.length, this.rhs, this.jacobian, this.options);
    return this.called;
  }
}

const composed = new WeakMap<RhsCode, Map<number, RhsCode>>();

/**
 * The model's right-hand side plus the infusion rates of its n states, read from `p` after
 * the `offset` parameters and covariates and added as the calling path adds them
 * (dydt[i] += rates[i]), so both paths compute the same doubles. Made once per model and
 * offset (a copy of a model may declare other covariates).
 */
function codeWithRates(code: RhsCode, offset: number, n: number): RhsCode {
  const byOffset = composed.get(code) ?? new Map<number, RhsCode>();
  composed.set(code, byOffset);
  let result = byOffset.get(offset);
  if (!result) {
    const states = Array.from({ length: n }, (_, i) => i);
    // "$" keeps these names apart from the model's locals (v_<name>, w$<k>).
    const rate = (i: number) => `u$${i}`;
    result = {
      setup: [code.setup, ...states.map((i) => `const ${rate(i)} = p[${offset + i}];`)].join("\n"),
      derivative: (state, out) => [code.derivative(state, out), ...states.map((i) => `${out(i)} += ${rate(i)};`)].join("\n"),
    };
    byOffset.set(offset, result);
  }
  return result;
}
