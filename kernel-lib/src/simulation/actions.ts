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
