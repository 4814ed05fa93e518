import { MAX_DOSES_PER_RECORD } from "./dose-block.js";
import type { DoseEvent } from "./types.js";

/**
 * Expands ADDL/II into single dose records (ADDL 0), sorted by time; records at the same
 * time keep their input order (the sort is stable). Repeat k of a record is at
 * TIME + k·II (computed, not accumulated, so no drift); only the first keeps SS, since
 * NONMEM gives the additional doses as ordinary (transient) doses. II is kept on each.
 * More than {@link MAX_DOSES_PER_RECORD} doses in all are refused before any is made.
 *
 * @example
 * expandDoses([{ time: 0, amount: 100, cmt: 1, rate: 0, ii: 12, addl: 2, ss: 0 }]).map((d) => d.time);
 * // [0, 12, 24]
 */
export function expandDoses(doses: readonly DoseEvent[]): DoseEvent[] {
  const total = doses.reduce((n, d) => n + d.addl + 1, 0);
  if (!(total <= MAX_DOSES_PER_RECORD)) {
    throw new RangeError(`expandDoses: ${total} doses is more than the ${MAX_DOSES_PER_RECORD.toLocaleString("en-US")} that may be expanded; give fewer doses or a longer interval`);
  }
  const single: DoseEvent[] = [];
  for (const d of doses) {
    for (let k = 0; k <= d.addl; k++) {
      single.push({ ...d, time: d.time + k * d.ii, addl: 0, ss: k === 0 ? d.ss : 0 });
    }
  }
  return single.sort((a, b) => a.time - b.time);
}
