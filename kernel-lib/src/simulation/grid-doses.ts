import type { ActionList } from "./actions.js";

/**
 * The boluses of a timeline whose outputs lie on one grid of equal steps and whose only other
 * actions are boluses at output times (a regimen on a grid that holds its dose times, such
 * as q12h on an hourly grid): the whole subject is then one loop over the rows, each row one
 * step y ← E·y with the grid step's E, and a dose is y[cmt] += amount at its row. Built once
 * per timeline, so every subject sharing it skips the action list.
 *
 * Dose d acts at `position[d]`: 2k before output row k is recorded, 2k + 1 after it (a dose
 * row after an observation row at the same time, in a dataset), in action order; a sentinel
 * position past every row ends the list, so a loop reads no bounds.
 */
export interface GridDoses {
  /** The output step (every times[k + 1] − times[k] equals it exactly). */
  readonly step: number;
  /** Output rows (at least 2). */
  readonly rows: number;
  readonly position: Int32Array;
  /** The dosed state, 0-based. */
  readonly state: Int32Array;
  readonly amount: Float64Array;
}

/**
 * The grid form of a timeline's actions (see {@link GridDoses}), or undefined when it has
 * any other action (an infusion, a reset, a steady state, a covariate change), a bolus
 * between output times or before the first one, fewer than two outputs, or unequal steps
 * (`stepRunEnd` of `outputTimes`, see `stepRuns`). Boluses after the last output are left
 * out: nothing recorded sees them.
 *
 * @example
 * // 100 mg at 0 and 2 h into CMT 1, outputs at 0, 1, 2, 3 h:
 * gridDoses(actions, Float64Array.of(0, 1, 2, 3), Int32Array.of(4, 4, 4, 4));
 * // { step: 1, rows: 4, position: [0, 4, 2147483647], state: [0, 0, 0], amount: [100, 100, 0] }
 */
export function gridDoses(list: ActionList, outputTimes: Float64Array, stepRunEnd: Int32Array): GridDoses | undefined {
  const rows = outputTimes.length;
  if (rows < 2 || stepRunEnd[0] !== rows) return undefined;
  const position: number[] = [];
  const state: number[] = [];
  const amount: number[] = [];
  let recorded = 0;
  for (const { time, action } of list.actions) {
    if (action.kind === "output") {
      // Output rows in any order but that of their times cannot be walked as one grid.
      if (action.index !== recorded) return undefined;
      recorded++;
      continue;
    }
    if (action.kind !== "bolus") return undefined;
    if (recorded === rows) continue;
    if (time === outputTimes[recorded]) position.push(2 * recorded);
    else if (recorded > 0 && time === outputTimes[recorded - 1]) position.push(2 * recorded - 1);
    else return undefined;
    state.push(action.cmt - 1);
    amount.push(action.amount);
  }
  position.push(2 ** 31 - 1);
  state.push(0);
  amount.push(0);
  return { step: outputTimes[1] - outputTimes[0], rows, position: Int32Array.from(position), state: Int32Array.from(state), amount: Float64Array.from(amount) };
}
