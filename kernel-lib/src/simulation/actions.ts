/**
 * What happens at one instant of a subject's timeline. The engine integrates between
 * actions and applies them in (time, seq) order, so dataset row order decides ties.
 */
export type Action =
  | { kind: "bolus"; cmt: number; amount: number }
  /** Start (or stop) of a zero-order infusion; `infusion` identifies it so a reset can cancel its end. */
  | { kind: "infusion-start"; cmt: number; rate: number; infusion: number }
  | { kind: "infusion-end"; infusion: number }
  | { kind: "reset" }
  | { kind: "steady-state"; dose: SteadyStateDose }
  | { kind: "covariates"; values: ReadonlyMap<number, number> }
  /** An observation: record the state as output row `index` of the subject. */
  | { kind: "output"; index: number };

export interface TimedAction {
  time: number;
  seq: number;
  action: Action;
}

/**
 * A dose given repeatedly every `ii` until steady state (NONMEM SS=1 or SS=2), already
 * adjusted by F and ALAG: `amount` is F·AMT, `duration` the infusion time (0 = bolus),
 * `lag` the delay. `ii` 0 with a rate means a constant infusion at steady state.
 */
export interface SteadyStateDose {
  cmt: number;
  amount: number;
  rate: number;
  duration: number;
  ii: number;
  lag: number;
  /** 1 resets the system to the steady state; 2 adds the steady state to the current state. */
  mode: 1 | 2;
}

/**
 * Timed actions sorted by (time, seq), with typed-array indexes so the engine's loop reads
 * numbers rather than differently shaped action objects: `outputIndex[i]` is the output row
 * of action i (−1 if it is not an output) and `runEnd[i]` the end of the run of consecutive
 * outputs that starts at i.
 */
export interface ActionList {
  actions: TimedAction[];
  times: Float64Array;
  outputIndex: Int32Array;
  runEnd: Int32Array;
}

/** Sorts the actions (stably, so ties keep creation order) and builds the indexes. */
export function indexActions(actions: TimedAction[]): ActionList {
  actions.sort((a, b) => a.time - b.time || a.seq - b.seq);
  const n = actions.length;
  const times = new Float64Array(n);
  const outputIndex = new Int32Array(n).fill(-1);
  const runEnd = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const a = actions[i];
    times[i] = a.time;
    if (a.action.kind === "output") outputIndex[i] = a.action.index;
  }
  for (let i = n - 1; i >= 0; i--) runEnd[i] = outputIndex[i] < 0 ? i : i + 1 < n && outputIndex[i + 1] >= 0 ? runEnd[i + 1] : i + 1;
  return { actions, times, outputIndex, runEnd };
}
