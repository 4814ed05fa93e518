/**
 * Right-hand side of dy/dt = f(t, y, p), written into `dydt` so hot loops allocate nothing.
 * `p` is the parameter vector in the order the model declares its parameters.
 */
export type Rhs = (t: number, y: Float64Array, p: Float64Array, dydt: Float64Array) => void;

/**
 * A right-hand side as JavaScript source, for integrators that generate their loop with it
 * inlined (dopri5: no call per stage, and expressions of the parameters computed once per
 * `advance` instead of at every stage). It must compute exactly what its `Rhs` computes.
 * Compiled models provide one (see `docs/simulation.md`).
 */
export interface RhsCode {
  /**
   * Statements reading the parameter vector `p` into locals and computing what depends on
   * neither t nor y; run once per `advance`, in the scope of every `derivative`.
   */
  readonly setup: string;
  /**
   * Statements computing f(t, y) from the time in the local `t`, state i in `state(i)` and
   * the locals of `setup`, assigning derivative i to `rate(i)` (an lvalue the caller
   * declares). The locals both declare start with "v_" or contain "$", which the
   * integrator's own generated names never do.
   */
  derivative(state: (i: number) => string, rate: (i: number) => string): string;
}

/** ∂f/∂y written row-major into `jac` (n×n, jac[i*n + j] = ∂f_i/∂y_j). */
export type Jacobian = (t: number, y: Float64Array, p: Float64Array, jac: Float64Array) => void;

/** Why an integration ended. Numerical failure is a status, not an exception. */
export type SolverStatus = "success" | "max-steps" | "step-too-small" | "unstable" | "timeout";

export interface SolverStats {
  /** Accepted steps. */
  steps: number;
  /** Rejected steps (error too large, or a NaN/Inf or singular matrix forced a smaller step). */
  rejected: number;
  rhsEvals: number;
  jacobianEvals: number;
  /** LU factorisations (implicit and Rosenbrock methods). */
  factorizations: number;
  /** Accepted steps taken by a stiff method (rodas4), alone or inside `auto()`. */
  stiffSteps?: number;
  /** Times `auto()` switched between its non-stiff and stiff methods. */
  switches?: number;
}

export interface SolverOptions {
  /** Relative tolerance (default 1e-6). */
  rtol?: number;
  /** Absolute tolerance (default 1e-9). */
  atol?: number;
  /** Accepted + rejected steps allowed in one `advance` / `solve` call (default 100 000). */
  maxSteps?: number;
  /**
   * Wall-clock budget in milliseconds (default 30 000), counted from an integrator's first
   * `advance` after its creation or its last `resetClock()` (so one `solve`, or one subject
   * of a simulation); exceeding it ends with status "timeout".
   */
  maxWallMs?: number;
  /** Largest step allowed (default: unbounded). */
  hmax?: number;
  /**
   * First step of each `advance` (default: chosen by Hairer's initial step algorithm).
   * With `adaptive: false`, the constant step size.
   */
  dt?: number;
  /**
   * Error control on (default true). `adaptive: false` takes steps of exactly `dt` (the last
   * one shortened to land on t1), as DifferentialEquations.jl does; for convergence studies.
   */
  adaptive?: boolean;
}

/** Receives the state at output k; `yk` is a scratch buffer only valid during the call. */
export type StateSink = (k: number, yk: Float64Array) => void;

/**
 * The outputs one `advance` call serves: for each k in [from, to) with t0 ≤ times[k] ≤ t1,
 * `sink(k, yk)` receives the (dense-output interpolated) state at times[k], in increasing k.
 *
 * @example
 * integrator.advance(0, 12, y, p, { times, from: 0, to: times.length, sink: (k, yk) => out[k].set(yk) });
 */
export interface OutputWindow {
  readonly times: ArrayLike<number>;
  readonly from: number;
  readonly to: number;
  readonly sink: StateSink;
}

/**
 * A reusable integrator for one system size: buffers are allocated once at creation.
 * `advance` treats `t0` as a discontinuity (step-size control restarts there), which is
 * how doses are handled: the simulation engine calls it once per interval between events.
 */
export interface Integrator {
  /**
   * Integrates from `t0` to `t1` (t1 ≥ t0), updating `y` in place to the state at `t1`, and
   * hands the states at the output times of `outputs` inside [t0, t1] to its sink.
   */
  advance(t0: number, t1: number, y: Float64Array, p: Float64Array, outputs: OutputWindow): SolverStatus;
  /** Human-readable reason for the last non-success status (names t and step size). */
  readonly message: string;
  /** Cumulative statistics since creation. */
  readonly stats: SolverStats;
  /** Restarts the `maxWallMs` budget at the next `advance` (the engine calls it per subject). */
  resetClock(): void;
}

/** An ODE algorithm as a value: carries its properties and builds integrators. */
export interface Algorithm {
  readonly name: string;
  readonly order: number;
  readonly stiff: boolean | "auto";
  /**
   * An integrator for n states. `code`, the source of `rhs` when known (compiled models),
   * lets methods that generate their loop inline it (dopri5, and auto() while non-stiff);
   * the others call `rhs`.
   */
  createIntegrator(n: number, rhs: Rhs, jacobian: Jacobian | undefined, options?: SolverOptions, code?: RhsCode): Integrator;
}

/**
 * An initial value problem dy/dt = f(t, y, p), y(t0) = y0, on [t0, t1], as plain data.
 * `saveat` lists the output times (non-decreasing, inside tspan; default 101 evenly spaced
 * points from t0 to t1).
 */
export interface OdeProblem {
  rhs: Rhs;
  /** Exact ∂f/∂y for stiff methods; finite differences are used when absent. */
  jacobian?: Jacobian;
  y0: ArrayLike<number>;
  tspan: readonly [number, number];
  p?: ArrayLike<number>;
  saveat?: ArrayLike<number>;
}

/**
 * What `solve` returns: the states at the output times, why the integration ended, and what
 * it cost. On failure `t` and `y` hold only the output times reached before it.
 */
export interface OdeSolution {
  t: Float64Array;
  /** One array per state: y[i][j] is state i at t[j]. */
  y: Float64Array[];
  status: SolverStatus;
  /** Empty on success; otherwise the reason, naming t and the step size. */
  message: string;
  stats: SolverStats;
  /** Name of the algorithm used (e.g. "auto"; `stats.stiffSteps` tells how much was stiff). */
  algorithm: string;
  problem: OdeProblem;
}
