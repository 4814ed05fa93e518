import { luFactor, luSolve } from "../linalg/index.js";
import type { Model } from "../model/types.js";
import { rodas4 } from "../ode/index.js";
import type { SolverOptions, SolverStats, SolverStatus } from "../ode/types.js";
import type { CovariateCurves } from "./covariate-curves.js";
import { ExactLinearPropagator } from "./exact-propagator.js";
import { OdePropagator } from "./ode-propagator.js";
import type { OutputRows, Propagator } from "./propagator.js";

/**
 * Largest condition number κ₁(A) of a rate matrix for which the closed form is kept. Scaling
 * and squaring computes e^{A·dt} with an error of about 2·ε·‖A‖·dt in the exponent of every
 * mode (Moler & Van Loan 2003, §3), so a mode that still matters after dt (λ·dt ≲ 700) comes
 * out with a relative error up to 2·ε·700·κ ≈ 3e-13·κ: 3e-7 at this limit, 0.1% at κ = 1e12
 * (where the slow phase of A → B with rates 1e12 and 1 per h was seen 0.06–0.3% off) and all
 * of it at κ = 1e16. Beyond it the subject is integrated by Rodas4, which is L-stable.
 */
export const MAX_CLOSED_FORM_CONDITION = 1e6;

/**
 * The closed-form propagator for linear models, which hands each subject whose rate matrix is
 * too ill-conditioned for a matrix exponential (see {@link MAX_CLOSED_FORM_CONDITION}) to the
 * stiff ODE solver instead. `method` says "closed-form" until a subject needed the solver,
 * then "closed-form+rodas4".
 */
export class ClosedFormPropagator implements Propagator {
  private readonly exact: ExactLinearPropagator;
  private fallback: OdePropagator | undefined;
  private current: Propagator;
  private readonly n: number;
  private readonly work: Float64Array;
  private readonly pivot: Int32Array;
  private readonly column: Float64Array;
  /** The states conditionNumber keeps (allocated once: it runs for every subject). */
  private readonly kept: Int32Array;
  /** The parameter vector last bound (undefined: none yet). */
  private bound: Float64Array | undefined;

  constructor(
    private readonly model: Model,
    private readonly rates: Float64Array,
    private readonly options: SolverOptions,
  ) {
    this.exact = new ExactLinearPropagator(model, rates);
    this.current = this.exact;
    this.n = model.compartments.length;
    this.work = new Float64Array(this.n * this.n);
    this.pivot = new Int32Array(this.n);
    this.column = new Float64Array(this.n);
    this.kept = new Int32Array(this.n);
  }

  get method(): string {
    return this.fallback ? `${this.exact.method}+${this.fallback.method}` : this.exact.method;
  }

  get message(): string {
    return this.current.message;
  }

  get stats(): SolverStats {
    if (!this.fallback) return this.exact.stats;
    const sum = { ...this.exact.stats };
    for (const key of Object.keys(sum) as (keyof SolverStats)[]) sum[key] = (sum[key] ?? 0) + (this.fallback.stats[key] ?? 0);
    return sum;
  }

  setParams(p: Float64Array): void {
    // Subjects with the same parameters (a dataset simulated with one set of values) share
    // the rate matrix, its conditioning and the cached exponentials: nothing to redo.
    if (this.bound && sameValues(p, this.bound)) return;
    if (this.bound?.length === p.length) this.bound.set(p);
    else this.bound = Float64Array.from(p);
    this.exact.setParams(p);
    if (this.exact.message || conditionNumber(this.exact.rateMatrix(), this.n, this.work, this.pivot, this.column, this.kept) <= MAX_CLOSED_FORM_CONDITION) {
      this.current = this.exact;
      return;
    }
    this.fallback ??= new OdePropagator(this.model, this.rates, rodas4(), this.options);
    this.fallback.setParams(p);
    this.current = this.fallback;
  }

  setCurves(curves: CovariateCurves | undefined): void {
    this.exact.setCurves(curves);
    this.fallback?.setCurves(curves);
  }

  startSubject(): void {
    this.exact.startSubject();
    this.fallback?.startSubject();
  }

  advance(t0: number, t1: number, y: Float64Array, outputs: OutputRows): SolverStatus {
    return this.current.advance(t0, t1, y, outputs);
  }

  gridStep(step: number, steps: number): Float64Array | undefined {
    return this.current === this.exact ? this.exact.gridStep(step, steps) : undefined;
  }
}

/** True when a and b hold the same numbers (a NaN never equals one). */
function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * κ₁(A) = ‖A‖₁·‖A⁻¹‖₁ over the states that flow somewhere (a pure sink such as cumulative
 * urine has a zero column and no mode of its own); 0 when that part of A is singular (a
 * closed loop with no elimination: no mode decays, nothing to lose).
 */
function conditionNumber(a: Float64Array, n: number, work: Float64Array, pivot: Int32Array, column: Float64Array, kept: Int32Array): number {
  let m = 0;
  for (let j = 0; j < n; j++) {
    let nonzero = false;
    for (let i = 0; i < n; i++) if (a[i * n + j] !== 0) nonzero = true;
    if (nonzero) kept[m++] = j;
  }
  if (m === 0) return 0;
  let norm = 0;
  for (let c = 0; c < m; c++) {
    let sum = 0;
    for (let r = 0; r < m; r++) sum += Math.abs((work[r * m + c] = a[kept[r] * n + kept[c]]));
    norm = Math.max(norm, sum);
  }
  if (!luFactor(work, m, pivot)) return 0;
  let inverse = 0;
  for (let c = 0; c < m; c++) {
    // A loop, not fill: on 3×3 matrices the built-in call costs more than the stores, per subject.
    for (let r = 0; r < m; r++) column[r] = r === c ? 1 : 0;
    luSolve(work, m, pivot, column);
    let sum = 0;
    for (let r = 0; r < m; r++) sum += Math.abs(column[r]);
    inverse = Math.max(inverse, sum);
  }
  return norm * inverse;
}
