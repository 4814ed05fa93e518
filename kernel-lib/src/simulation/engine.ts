import type { Model } from "../model/types.js";
import { DEFAULT_TOLERANCE } from "../ode/index.js";
import type { SolverOptions, SolverStatus } from "../ode/types.js";
import type { ActionList, SteadyStateDose, TimedAction } from "./actions.js";
import type { CovariateCurves } from "./covariate-curves.js";
import type { GridDoses } from "./grid-doses.js";
import type { OutputRows, Propagator } from "./propagator.js";
import { periodActions, solveSteadyState } from "./steady-state.js";
import type { Timeline } from "./timeline.js";

/** Receives the state at output row k (time t); `y` is only valid during the call. */
export type OutputSink = (k: number, t: number, y: Float64Array, p: Float64Array) => void;

/**
 * Receives output rows [from, to) at once (row k at time `times[k]`): row k's state is
 * `states[(k − from)·n + i]` for state i; `states` is only valid during the call.
 */
export type OutputRowsSink = (from: number, to: number, times: Float64Array, states: Float64Array, p: Float64Array) => void;

/**
 * Writes every row of a grid timeline (`Timeline.grid`, rows at `times`) from y, the state at
 * its first row before that row's doses, moving it by `e` = e^{A·step} from row to row; false
 * when the state is not finite at the end (the engine then runs the subject again by its
 * actions, which rewrites the same rows and finds where it failed).
 */
export type OutputGridSink = (e: Float64Array, y: Float64Array, grid: GridDoses, times: Float64Array, p: Float64Array) => boolean;

export interface SubjectOutcome {
  status: SolverStatus;
  message: string;
}

const SUCCESS: SubjectOutcome = Object.freeze<SubjectOutcome>({ status: "success", message: "" });

/**
 * Runs timelines: integrates between actions with a propagator and applies each action
 * (dose, infusion switch, reset, steady state, covariate change) at its exact time, so every
 * dose is a discontinuity at which integration restarts. One engine serves many subjects.
 */
export class Engine {
  private readonly n: number;
  private readonly y: Float64Array;
  private readonly saved: Float64Array;
  /** Active infusions by id: the engine sums their rates into `rates`. */
  private readonly active = new Map<number, { cmt: number; rate: number }>();
  private p: Float64Array = new Float64Array(0);
  private sink: OutputSink = () => undefined;
  private rowsSink: OutputRowsSink | undefined;
  private times: Float64Array = new Float64Array(0);
  private curves: CovariateCurves | undefined;
  private readonly sinkState = (k: number, yk: Float64Array) => {
    // Outputs read the interpolated covariates at their own time, not at the solver's last stage.
    this.curves?.apply(this.times[k], this.p);
    this.sink(k, this.times[k], yk, this.p);
  };
  private readonly sinkRows = (from: number, to: number, states: Float64Array) => {
    this.rowsSink?.(from, to, this.times, states, this.p);
  };
  /** The output window handed to the propagator, reused for every interval (no allocation per call). */
  private readonly window: {
    times: ArrayLike<number>;
    from: number;
    to: number;
    sink: (k: number, yk: Float64Array) => void;
    rows: ((from: number, to: number, states: Float64Array) => void) | undefined;
    stepRunEnd: Int32Array;
  } = {
    times: this.times,
    from: 0,
    to: 0,
    sink: this.sinkState,
    rows: undefined,
    stepRunEnd: new Int32Array(0),
  };
  private readonly tolerance: { rtol: number; atol: number };

  constructor(
    private readonly model: Model,
    private readonly propagator: Propagator,
    private readonly rates: Float64Array,
    options: SolverOptions = {},
  ) {
    this.n = model.compartments.length;
    this.y = new Float64Array(this.n);
    this.saved = new Float64Array(this.n);
    this.tolerance = { rtol: options.rtol ?? DEFAULT_TOLERANCE.rtol, atol: options.atol ?? DEFAULT_TOLERANCE.atol };
  }

  /**
   * Simulates one subject with parameter vector `p` (parameters then covariates; changed in
   * place by covariate actions). Rows go to `sink` one by one, or in blocks to `rows` when it
   * is given, the subject has no interpolated covariates and the propagator can (the closed
   * form on equal output steps); either way every row reaches exactly one of them. A grid
   * timeline (`Timeline.grid`) goes to `grid` whole instead when it is given and the
   * propagator gives the step's matrix (the closed form), unless the state turns non-finite.
   */
  run(timeline: Timeline, p: Float64Array, sink: OutputSink, rows?: OutputRowsSink, grid?: OutputGridSink): SubjectOutcome {
    this.p = p;
    this.sink = sink;
    this.rowsSink = rows;
    this.times = timeline.outputTimes;
    this.window.times = this.times;
    this.window.stepRunEnd = timeline.stepRunEnd;
    this.curves = timeline.curves;
    // Interpolated covariates are evaluated at each row's time: those rows go one by one.
    this.window.rows = rows && !this.curves ? this.sinkRows : undefined;
    this.propagator.setParams(p);
    this.propagator.setCurves(this.curves);
    this.propagator.startSubject();
    this.resetState();
    const start = timeline.times.length > 0 ? Math.min(0, timeline.times[0]) : 0;
    if (grid && timeline.grid && this.runGrid(timeline.grid, start, grid)) return SUCCESS;
    return this.runActions(timeline, start, this.y, true);
  }

  /**
   * A grid timeline (boluses at output times of one equal-step grid) written by `grid` in one
   * call, when the propagator gives the step's matrix: the state is brought from `start` to the
   * first row as `runActions` would. False (state reset) leaves the subject to `runActions`,
   * which also words any failure.
   */
  private runGrid(doses: GridDoses, start: number, grid: OutputGridSink): boolean {
    const first = this.times[0];
    if (first > start && this.propagator.advance(start, first, this.y, this.outputs(0, 0)) !== "success") return this.restart();
    const e = this.propagator.gridStep?.(doses.step, doses.rows - 1);
    return (e !== undefined && grid(e, this.y, doses, this.times, this.p)) || this.restart();
  }

  private restart(): false {
    this.resetState();
    return false;
  }

  private resetState(): void {
    this.model.init(this.p, this.y);
    // Clearing a Map allocates its table: done only when an infusion ran (once per subject otherwise).
    if (this.active.size > 0) this.active.clear();
    this.rates.fill(0);
  }

  private runActions(list: ActionList, t: number, y: Float64Array, outputs: boolean, end = t): SubjectOutcome {
    const { actions, times, outputIndex, runEnd } = list;
    let i = 0;
    while (i < actions.length) {
      const from = outputIndex[i];
      if (from >= 0) {
        // A run of consecutive outputs is served by one integration with dense output, which
        // goes on to the next action: stopping at the last output would restart step-size
        // control there for nothing (the ODE path would take its first small steps again).
        const j = runEnd[i];
        const t1 = j < actions.length ? times[j] : times[j - 1];
        const status = this.propagator.advance(t, t1, y, this.outputs(from, outputIndex[j - 1] + 1));
        if (status !== "success") return this.failure(status, t);
        t = t1;
        i = j;
        continue;
      }
      if (times[i] > t) {
        const status = this.propagator.advance(t, times[i], y, this.outputs(0, 0));
        if (status !== "success") return this.failure(status, t);
        t = times[i];
      }
      const outcome = this.apply(actions[i], y);
      if (outcome) return outcome;
      i++;
    }
    if (!outputs && end > t) {
      const status = this.propagator.advance(t, end, y, this.outputs(0, 0));
      if (status !== "success") return this.failure(status, t);
    }
    return SUCCESS;
  }

  /** The outputs [from, to) of the subject's output times (none when from = to). */
  private outputs(from: number, to: number): OutputRows {
    this.window.from = from;
    this.window.to = to;
    return this.window;
  }

  private apply(timed: TimedAction, y: Float64Array): SubjectOutcome | undefined {
    const a = timed.action;
    this.curves?.apply(timed.time, this.p);
    switch (a.kind) {
      case "bolus":
        y[a.cmt - 1] += a.amount;
        return undefined;
      case "infusion-start":
        this.active.set(a.infusion, { cmt: a.cmt, rate: a.rate });
        this.rates[a.cmt - 1] += a.rate;
        return undefined;
      case "infusion-end": {
        // An infusion cancelled by a reset has no end left to apply.
        const running = this.active.get(a.infusion);
        if (running) {
          this.active.delete(a.infusion);
          this.rates[running.cmt - 1] -= running.rate;
          if (this.active.size === 0) this.rates.fill(0);
        }
        return undefined;
      }
      case "reset":
        this.resetState();
        return undefined;
      case "covariates":
        for (const [index, value] of a.values) this.p[index] = value;
        this.propagator.setParams(this.p);
        return undefined;
      case "steady-state":
        return this.steadyState(a.dose, timed.time, y);
      case "output":
        return undefined;
    }
  }

  private steadyState(dose: SteadyStateDose, time: number, y: Float64Array): SubjectOutcome | undefined {
    const { period, actions } = periodActions(dose);
    const ss = this.saved;
    // The steady-state interval runs on its own clock [0, τ): interpolated covariates stay at
    // their values at the dose time while it is solved.
    const curves = this.curves;
    this.curves = undefined;
    this.propagator.setCurves(undefined);
    // SS=2 superimposes: infusions running now keep running after the steady state is added.
    const running = dose.mode === 2 ? new Map(this.active) : new Map<number, { cmt: number; rate: number }>();
    this.active.clear();
    this.rates.fill(0);
    const interval = (x: Float64Array): SolverStatus => {
      const outcome = this.runActions(actions, 0, x, false, period);
      this.active.clear();
      this.rates.fill(0);
      return outcome.status;
    };
    if (this.model.linear) ss.fill(0);
    else this.model.init(this.p, ss);
    const accumulators = this.model.accumulators ?? [];
    const outcome = solveSteadyState(this.n, this.model.linear, ss, interval, this.tolerance, period, accumulators);
    this.curves = curves;
    this.propagator.setCurves(curves);
    if (outcome.status !== "success") {
      return { status: outcome.status, message: `steady state at t = ${time}: ${outcome.message || this.propagator.message}` };
    }
    // Accumulators (AUC states) carry on from their value before the dose, under SS=1 and SS=2.
    for (const j of accumulators) ss[j] = dose.mode === 1 ? y[j] : 0;
    if (dose.mode === 1) y.set(ss);
    else for (let i = 0; i < this.n; i++) y[i] += ss[i];
    for (const [id, infusion] of running) {
      this.active.set(id, infusion);
      this.rates[infusion.cmt - 1] += infusion.rate;
    }
    return undefined;
  }

  private failure(status: SolverStatus, t: number): SubjectOutcome {
    return { status, message: this.propagator.message || `integration failed (${status}) after t = ${t}` };
  }
}
