/**
 * Right-hand side of dy/dt = f(t, y, p), written into `dydt` so hot loops allocate nothing.
 * `p` is the parameter vector in the order the model declares its parameters.
 */
export type Rhs = (t: number, y: Float64Array, p: Float64Array, dydt: Float64Array) => void;

/** ∂f/∂y written row-major into `jac` (n×n, jac[i*n + j] = ∂f_i/∂y_j). */
export type Jacobian = (t: number, y: Float64Array, p: Float64Array, jac: Float64Array) => void;

/** Why an integration ended. Numerical failure is a status, not an exception. */
export type SolverStatus = "success" | "max-steps" | "step-too-small" | "unstable" | "timeout";

export interface SolverStats {
  steps: number;
  rejected: number;
  rhsEvals: number;
  jacobianEvals: number;
  /** LU factorisations (implicit and Rosenbrock methods). */
  factorizations: number;
}

export interface SolverOptions {
  /** Relative tolerance (default 1e-6). */
  rtol?: number;
  /** Absolute tolerance (default 1e-9). */
  atol?: number;
  /** Accepted + rejected steps allowed in one `advance` / `solve` call (default 100 000). */
  maxSteps?: number;
  /** Wall-clock budget in milliseconds for one `solve` (default 30 000); exceeding it ends with status "timeout". */
  maxWallMs?: number;
  /** Largest step allowed (default: unbounded). */
  hmax?: number;
}

/**
 * A reusable integrator for one system size: buffers are allocated once at creation.
 * `advance` treats `t0` as a discontinuity (step-size control restarts there), which is
 * how doses are handled: the simulation engine calls it once per interval between events.
 */
export interface Integrator {
  /**
   * Integrates from `t0` to `t1` (t1 ≥ t0), updating `y` in place to the state at `t1`.
   * For each k in [from, to) with t0 ≤ times[k] ≤ t1, calls `sink(k, yk)` with the
   * (dense-output interpolated) state at times[k], in increasing k. `yk` is a scratch
   * buffer only valid during the call.
   */
  advance(
    t0: number,
    t1: number,
    y: Float64Array,
    p: Float64Array,
    times: ArrayLike<number>,
    from: number,
    to: number,
    sink: (k: number, yk: Float64Array) => void,
  ): SolverStatus;
  /** Human-readable reason for the last non-success status (names t and step size). */
  readonly message: string;
  /** Cumulative statistics since creation. */
  readonly stats: SolverStats;
}

/** An ODE algorithm as a value: carries its properties and builds integrators. */
export interface Algorithm {
  readonly name: string;
  readonly order: number;
  readonly stiff: boolean | "auto";
  createIntegrator(n: number, rhs: Rhs, jacobian: Jacobian | undefined, options?: SolverOptions): Integrator;
}
