import { MatrixExponential } from "../linalg/index.js";
import type { Model } from "../model/types.js";
import type { OutputWindow, SolverStats, SolverStatus } from "../ode/types.js";
import type { CovariateCurves } from "./covariate-curves.js";
import type { Propagator } from "./propagator.js";

/** Transition over dt: state matrix E = e^{A·dt} and input matrix Φ = ∫₀^dt e^{A·s} ds. */
interface Transition {
  e: Float64Array;
  phi: Float64Array;
}

const CACHE_LIMIT = 64;

/**
 * Exact propagation of a linear model dy/dt = A·y + r (A = the model's Jacobian, r the
 * infusion rates): y(t+dt) = e^{A·dt}·y + Φ(dt)·r. Both matrices come from one matrix
 * exponential of the augmented matrix [[A, I], [0, 0]]·dt (Van Loan, IEEE TAC 23:395, 1978)
 * and are cached per dt, so a regular output grid costs one exponential per subject and a
 * matrix–vector product per output. This is the closed-form solution of the 1/2/3-compartment
 * models (bolus, infusion, first-order absorption) for any linear model, to rounding error.
 */
export class ExactLinearPropagator implements Propagator {
  readonly method = "closed-form";
  readonly message = "";
  readonly stats: SolverStats = { steps: 0, rejected: 0, rhsEvals: 0, jacobianEvals: 0, factorizations: 0 };
  private readonly n: number;
  private readonly a: Float64Array;
  private readonly zeros: Float64Array;
  private readonly work: Float64Array;
  private readonly cache = new Map<number, Transition>();
  /** Transitions of earlier subjects, reused so a new subject allocates nothing. */
  private readonly spare: Transition[] = [];
  private readonly exponential: MatrixExponential;
  private readonly augmented: Float64Array;
  private readonly exponentialOut: Float64Array;
  /** Most steps repeat the previous step's dt (a regular grid): skip the map lookup then. */
  private lastDt = NaN;
  private last: Transition | undefined;

  constructor(
    private readonly model: Model,
    private readonly rates: Float64Array,
  ) {
    if (!model.linear) {
      throw new Error(`model ${model.name} is not linear (its equations depend nonlinearly on the states or on t), so it has no closed-form solution; use method "ode"`);
    }
    this.n = model.compartments.length;
    this.a = new Float64Array(this.n * this.n);
    this.zeros = new Float64Array(this.n);
    this.work = new Float64Array(this.n);
    const m = 2 * this.n;
    this.exponential = new MatrixExponential(m);
    this.augmented = new Float64Array(m * m);
    this.exponentialOut = new Float64Array(m * m);
  }

  setParams(p: Float64Array): void {
    this.model.jacobian(0, this.zeros, p, this.a);
    this.stats.jacobianEvals++;
    for (const entry of this.cache.values()) this.spare.push(entry);
    this.cache.clear();
    this.last = undefined;
    this.lastDt = NaN;
  }

  setCurves(curves: CovariateCurves | undefined): void {
    // simulate() picks the ODE path for such models; reaching this is a misuse of the engine.
    if (curves) throw new Error(`closed-form propagation needs parameters constant between events; model ${this.model.name} has linearly interpolated covariates`);
  }

  startSubject(): void {}

  advance(t0: number, t1: number, y: Float64Array, { times, from, to, sink }: OutputWindow): SolverStatus {
    let t = t0;
    for (let k = from; k < to; k++) {
      const tk = times[k];
      if (tk > t) {
        this.step(tk - t, y);
        t = tk;
      }
      sink(k, y);
    }
    if (t1 > t) this.step(t1 - t, y);
    for (let i = 0; i < this.n; i++) if (!Number.isFinite(y[i])) return "unstable";
    return "success";
  }

  private step(dt: number, y: Float64Array): void {
    const { e, phi } = this.transition(dt);
    const n = this.n;
    const r = this.rates;
    let infusing = false;
    for (let i = 0; i < n; i++) if (r[i] !== 0) infusing = true;
    const w = this.work;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += e[i * n + j] * y[j];
      if (infusing) for (let j = 0; j < n; j++) s += phi[i * n + j] * r[j];
      w[i] = s;
    }
    for (let i = 0; i < n; i++) y[i] = w[i];
    this.stats.steps++;
  }

  private transition(dt: number): Transition {
    if (dt === this.lastDt && this.last) return this.last;
    const hit = this.cache.get(dt);
    if (hit) {
      this.lastDt = dt;
      this.last = hit;
      return hit;
    }
    const n = this.n;
    const m = 2 * n;
    const aug = this.augmented;
    aug.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) aug[i * m + j] = this.a[i * n + j] * dt;
      aug[i * m + n + i] = dt;
    }
    const x = this.exponential.compute(aug, this.exponentialOut);
    this.stats.factorizations++;
    const entry = this.spare.pop() ?? { e: new Float64Array(n * n), phi: new Float64Array(n * n) };
    const { e, phi } = entry;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        e[i * n + j] = x[i * m + j];
        phi[i * n + j] = x[i * m + n + j];
      }
    }
    if (this.cache.size >= CACHE_LIMIT) {
      for (const old of this.cache.values()) if (old !== entry) this.spare.push(old);
      this.cache.clear();
    }
    this.cache.set(dt, entry);
    this.lastDt = dt;
    this.last = entry;
    return entry;
  }
}
