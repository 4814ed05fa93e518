import { MatrixExponential } from "../linalg/index.js";
import type { Model } from "../model/types.js";
import type { SolverStats, SolverStatus } from "../ode/types.js";
import type { CovariateCurves } from "./covariate-curves.js";
import { matrixRun, matrixStep, type MatrixRun, type MatrixStep } from "./matrix-step.js";
import type { OutputRows, Propagator, RowsSink } from "./propagator.js";

/**
 * Transition over dt: state matrix E = e^{A·dt} and, once an infusion needs it, the input
 * matrix Φ = ∫₀^dt e^{A·s} ds (`withInput`), for the rate matrix of `generation`.
 */
interface Transition {
  e: Float64Array;
  phi: Float64Array;
  withInput: boolean;
  generation: number;
}

const CACHE_LIMIT = 64;

/** Rows a block of equal steps holds at most: bounds the block buffer (n·8 bytes a row, one row more for the step after it). */
const BLOCK_ROWS = 512;

/**
 * Exact propagation of a linear model dy/dt = A·y + r (A = the model's Jacobian, r the
 * infusion rates): y(t+dt) = e^{A·dt}·y + Φ(dt)·r. Both matrices come from one matrix
 * exponential of the augmented matrix [[A, I], [0, 0]]·dt (Van Loan, IEEE TAC 23:395, 1978)
 * and are cached per dt, so a regular output grid costs one exponential per subject and a
 * matrix–vector product per output. Without a running infusion only E is needed, from the
 * exponential of A·dt alone (n×n instead of 2n×2n: about 8× less work per subject). This is the closed-form solution of the 1/2/3-compartment
 * models (bolus, infusion, first-order absorption) for any linear model, to rounding error.
 */
export class ExactLinearPropagator implements Propagator {
  readonly method = "closed-form";
  /** Why the last `advance` failed (a non-finite rate matrix, an interval too long). */
  message = "";
  readonly stats: SolverStats = { steps: 0, rejected: 0, rhsEvals: 0, jacobianEvals: 0, factorizations: 0 };
  private readonly n: number;
  private readonly a: Float64Array;
  private readonly zeros: Float64Array;
  private readonly work: Float64Array;
  /** y ← E·y, unrolled for this size: the per-row work of a regular grid. */
  private readonly multiply: MatrixStep;
  /** y ← E·y along a run of equal steps, for output rows handed over in blocks. */
  private readonly runSteps: MatrixRun;
  /** y ← E·y + c, the same under running infusions. */
  private readonly runInputSteps: MatrixRun;
  /** The states of a block of rows (row-major, n a row). */
  private readonly blockStates: Float64Array;
  /** Φ·r, the constant input of one step under the running infusions. */
  private readonly input: Float64Array;
  /**
   * Transitions by dt. A new rate matrix starts a new `generation` instead of emptying the
   * map: subjects on the same output grid find their dt's entry and refill it, so a new
   * subject allocates nothing (clearing a Map allocates its table).
   */
  private readonly cache = new Map<number, Transition>();
  private generation = 0;
  /** Transitions dropped when the cache was full, reused before allocating. */
  private readonly spare: Transition[] = [];
  private readonly exponential: MatrixExponential;
  private readonly augmented: Float64Array;
  private readonly exponentialOut: Float64Array;
  private readonly stateExponential: MatrixExponential;
  private readonly scaled: Float64Array;
  /** Most steps repeat the previous step's dt (a regular grid): skip the map lookup then. */
  private lastDt = NaN;
  private last: Transition | undefined;
  /** ‖A‖₁ of the current rate matrix. */
  private norm = 0;

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
    this.multiply = matrixStep(this.n);
    this.runSteps = matrixRun(this.n, false);
    this.runInputSteps = matrixRun(this.n, true);
    this.blockStates = new Float64Array((BLOCK_ROWS + 1) * this.n);
    this.input = new Float64Array(this.n);
    const m = 2 * this.n;
    this.exponential = new MatrixExponential(m);
    this.augmented = new Float64Array(m * m);
    this.exponentialOut = new Float64Array(m * m);
    this.stateExponential = new MatrixExponential(this.n);
    this.scaled = new Float64Array(this.n * this.n);
  }

  setParams(p: Float64Array): void {
    this.model.jacobian(0, this.zeros, p, this.a);
    this.stats.jacobianEvals++;
    this.message = nonFiniteRate(this.model, this.a, p);
    this.norm = norm1(this.a, this.n);
    this.generation++;
    this.last = undefined;
    this.lastDt = NaN;
  }

  setCurves(curves: CovariateCurves | undefined): void {
    // simulate() picks the ODE path for such models; reaching this is a misuse of the engine.
    if (curves) throw new Error(`closed-form propagation needs parameters constant between events; model ${this.model.name} has linearly interpolated covariates`);
  }

  startSubject(): void {}

  advance(t0: number, t1: number, y: Float64Array, { times, from, to, sink, rows, stepRunEnd }: OutputRows): SolverStatus {
    if (this.message) return "unstable";
    // The rates are constant across one advance: whether Φ is needed is decided once.
    const r = this.rates;
    let infusing = false;
    for (let i = 0; i < this.n; i++) if (r[i] !== 0) infusing = true;
    let t = t0;
    let steps = 0;
    let k = from;
    while (k < to) {
      const tk = times[k];
      if (tk > t) {
        const entry = this.last;
        if (!infusing && entry !== undefined && tk - t === this.lastDt) {
          // The usual step of a regular grid: y ← E·y with the cached E.
          this.multiply(entry.e, y);
          steps++;
        } else if (!this.step(t, tk - t, y, infusing)) {
          this.stats.steps += steps;
          return "unstable";
        }
        t = tk;
      }
      if (rows !== undefined && k + 1 < to && times[k + 1] > tk) {
        // y is row k's state: it and the rows after it at the same step go out as one block.
        const end = Math.min(stepRunEnd[k], to, k + BLOCK_ROWS);
        const last = times[end - 1];
        // The step to t1 joins the block when it is one more of the same (the dose after a run).
        const through = end === to && t1 - last === times[k + 1] - tk;
        if (!this.emitBlock(times, k, end, through, y, infusing, rows)) {
          this.stats.steps += steps;
          return "unstable";
        }
        t = through ? t1 : last;
        k = end;
        continue;
      }
      sink(k, y);
      k++;
    }
    this.stats.steps += steps;
    if (t1 > t && !this.step(t, t1 - t, y, infusing)) return "unstable";
    for (let i = 0; i < this.n; i++) if (!Number.isFinite(y[i])) return "unstable";
    return "success";
  }

  /**
   * Hands rows [k, end) (row k's state is y, the others equally spaced after it, at most
   * {@link BLOCK_ROWS}) to `rows` and moves y to the last of them, or one step further when
   * `through`; false (with `message` set) when A·dt overflows. One propagator serves the whole
   * block, so each row costs n sums of n products and its stores.
   */
  private emitBlock(times: ArrayLike<number>, k: number, end: number, through: boolean, y: Float64Array, infusing: boolean, rows: RowsSink): boolean {
    const entry = this.prepare(times[k], times[k + 1] - times[k], infusing);
    if (!entry) return false;
    const count = end - k - 1 + (through ? 1 : 0);
    if (infusing) {
      const c = this.input;
      const n = this.n;
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += entry.phi[i * n + j] * this.rates[j];
        c[i] = s;
      }
      this.runInputSteps(entry.e, c, y, this.blockStates, count);
    } else {
      this.runSteps(entry.e, this.input, y, this.blockStates, count);
    }
    this.stats.steps += count;
    rows(k, end, this.blockStates);
    return true;
  }

  gridStep(step: number, steps: number): Float64Array | undefined {
    if (this.message || !Number.isFinite(this.norm * step)) return undefined;
    for (let i = 0; i < this.n; i++) if (this.rates[i] !== 0) return undefined;
    this.stats.steps += steps;
    return this.transition(step, false).e;
  }

  /** The current rate matrix A, row-major (valid until the next `setParams`). */
  rateMatrix(): Float64Array {
    return this.a;
  }

  /** Moves y across dt from t; false (with `message` set) when A·dt overflows. */
  private step(t: number, dt: number, y: Float64Array, infusing: boolean): boolean {
    const entry = this.prepare(t, dt, infusing);
    if (!entry) return false;
    this.stats.steps++;
    if (!infusing) {
      this.multiply(entry.e, y);
      return true;
    }
    const { e, phi } = entry;
    const n = this.n;
    const r = this.rates;
    const w = this.work;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += e[i * n + j] * y[j];
      for (let j = 0; j < n; j++) s += phi[i * n + j] * r[j];
      w[i] = s;
    }
    for (let i = 0; i < n; i++) y[i] = w[i];
    return true;
  }

  /** The transition over dt from t (with Φ when infusing); undefined (with `message` set) when A·dt overflows. */
  private prepare(t: number, dt: number, infusing: boolean): Transition | undefined {
    const entry = this.last;
    if (dt === this.lastDt && entry !== undefined && (entry.withInput || !infusing)) return entry;
    if (!Number.isFinite(this.norm * dt)) {
      this.message = `the interval from t = ${t} to ${t + dt} is too long for the closed-form solution (rate matrix × interval overflows); shorten the gap between records`;
      return undefined;
    }
    return this.transition(dt, infusing);
  }

  private transition(dt: number, withInput: boolean): Transition {
    const hit = this.cache.get(dt);
    if (hit && hit.generation === this.generation && (hit.withInput || !withInput)) {
      this.lastDt = dt;
      this.last = hit;
      return hit;
    }
    const n = this.n;
    const entry = hit ?? this.spare.pop() ?? { e: new Float64Array(n * n), phi: new Float64Array(n * n), withInput: false, generation: 0 };
    if (withInput) {
      const m = 2 * n;
      const aug = this.augmented;
      aug.fill(0);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) aug[i * m + j] = this.a[i * n + j] * dt;
        aug[i * m + n + i] = dt;
      }
      const x = this.exponential.compute(aug, this.exponentialOut);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          entry.e[i * n + j] = x[i * m + j];
          entry.phi[i * n + j] = x[i * m + n + j];
        }
      }
    } else {
      const scaled = this.scaled;
      for (let k = 0; k < n * n; k++) scaled[k] = this.a[k] * dt;
      this.stateExponential.compute(scaled, entry.e);
    }
    entry.withInput = withInput;
    entry.generation = this.generation;
    this.stats.factorizations++;
    if (!hit) {
      if (this.cache.size >= CACHE_LIMIT) {
        for (const old of this.cache.values()) this.spare.push(old);
        this.cache.clear();
      }
      this.cache.set(dt, entry);
    }
    this.lastDt = dt;
    this.last = entry;
    return entry;
  }
}

/** ‖A‖₁, the largest column sum of |a_ij|, of an n×n row-major matrix. */
function norm1(a: Float64Array, n: number): number {
  let norm = 0;
  for (let j = 0; j < n; j++) {
    let col = 0;
    for (let i = 0; i < n; i++) col += Math.abs(a[i * n + j]);
    norm = Math.max(norm, col);
  }
  return norm;
}

/**
 * "" when every entry of the rate matrix A is finite; else a message naming the first
 * non-finite entry ∂(d/dt(x))/∂y, the equation to look at and the parameter values that
 * produced it (a negative weight under a fractional power, V − V in a denominator).
 */
function nonFiniteRate(model: Model, a: Float64Array, p: Float64Array): string {
  const n = model.compartments.length;
  for (let k = 0; k < n * n; k++) {
    if (Number.isFinite(a[k])) continue;
    const row = model.compartments[Math.floor(k / n)].name;
    const column = model.compartments[k % n].name;
    const inputs = [...model.parameters, ...model.covariateSpecs].map((q, i) => `${q.name} = ${p[i]}`).join(", ");
    return (
      `the rate of d/dt(${row}) per unit of ${column} is ${a[k]} with ${inputs}: ` +
      `d/dt(${row}) or a derived name it uses is undefined there (a negative base to a fractional power, a division by zero, an overflow)`
    );
  }
  return "";
}
