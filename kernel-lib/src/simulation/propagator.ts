import type { OutputWindow, SolverStats, SolverStatus } from "../ode/types.js";
import type { CovariateCurves } from "./covariate-curves.js";

/**
 * Receives output rows [from, to) at once: row k's state is `states[(k − from)·n + i]` for
 * state i (n states). `states` is only valid during the call.
 */
export type RowsSink = (from: number, to: number, states: Float64Array) => void;

/**
 * Output times with their per-row sink and, when the rows need nothing evaluated between
 * them (no interpolated covariates), `rows`: a propagator that can produce many rows at once
 * (the closed form on a regular grid) hands them over in blocks instead of row by row.
 */
export interface OutputRows extends OutputWindow {
  readonly rows: RowsSink | undefined;
  /** Per row k of `times`, one past the last row of the equal-step run from k (the timeline's `stepRunEnd`). */
  readonly stepRunEnd: Int32Array;
}

/**
 * Moves a model's state across an interval with no discontinuity, under constant
 * zero-order inputs `rates` (amount/time per compartment, owned by the engine).
 * Implementations: the exact linear one (matrix exponential) and the ODE one.
 */
export interface Propagator {
  /** "closed-form" or the ODE algorithm's name. */
  readonly method: string;
  readonly message: string;
  readonly stats: SolverStats;
  /** Binds the subject's parameter vector (parameters then covariates); call again after it changes. */
  setParams(p: Float64Array): void;
  /**
   * Binds the subject's linearly interpolated covariates (undefined: none), which the
   * propagator writes into the parameter vector at every time it evaluates the model.
   */
  setCurves(curves: CovariateCurves | undefined): void;
  /** Starts a new subject (the ODE propagator restarts its wall-clock budget). */
  startSubject(): void;
  /**
   * Integrates y from t0 to t1 in place, handing the state at each output time of `outputs`
   * to its sink, or to `rows` (those times lie in [t0, t1]).
   */
  advance(t0: number, t1: number, y: Float64Array, outputs: OutputRows): SolverStatus;
  /**
   * E = e^{A·step}, the state's move over one step of a grid timeline (see `GridDoses`) taken
   * `steps` times, when this subject's propagation is that matrix (the closed form, no
   * infusion running); undefined when it is not or A·step overflows (the general path then
   * runs the subject and words the failure). Valid until the next `setParams`.
   */
  gridStep?(step: number, steps: number): Float64Array | undefined;
}
