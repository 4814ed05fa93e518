import { regimenRecords } from "../data/index.js";
import { expandDoses } from "../dosing/index.js";
import type { DoseEvent, EventRecord } from "../dosing/types.js";
import { PopulationError } from "./population-error.js";

/**
 * Where occasions start, for inter-occasion variability: at the listed dose numbers (1-based,
 * counting every dose after ADDL is expanded) or at the listed times. Occasion 1 runs from the
 * start to the first boundary, occasion k + 1 from boundary k; a boundary belongs to the occasion
 * it starts, so a dose at a boundary time is given, and observed, with the new occasion's values.
 */
export type OccasionSpec = { doses: readonly number[] } | { times: readonly number[] };

/** One subject's records split into occasions: `occasion[r]` is record r's (0-based); `count` occasions. */
export interface OccasionRecords {
  records: EventRecord[];
  occasion: Int32Array;
  count: number;
}

/**
 * The records of a regimen observed at `times` (doses expanded one per record), with a
 * covariate-only row (EVID 2) at each boundary, placed before the other rows at that time,
 * and the occasion of each record. Throws when boundaries are not increasing or a dose number
 * does not exist.
 *
 * @example
 * occasionRecords(parseRegimen("100 mg q24h x 2").doses(), [12, 36], { doses: [2] }).count; // 2
 */
export function occasionRecords(doses: readonly DoseEvent[], times: ArrayLike<number>, spec: OccasionSpec): OccasionRecords {
  const expanded = expandDoses(doses);
  const boundaries = "doses" in spec ? spec.doses.map((k) => doseTime(expanded, k)) : [...spec.times];
  boundaries.forEach((t, k) => {
    if (!Number.isFinite(t)) throw new PopulationError(`IOV occasion boundary ${k + 1} is ${t}, not a finite time`);
    if (k > 0 && !(t > boundaries[k - 1])) throw new PopulationError(`IOV occasion boundaries must increase: boundary ${k + 1} (${t} h) is not after boundary ${k} (${boundaries[k - 1]} h)`);
  });
  const base = regimenRecords(expanded, times);
  const marks: EventRecord[] = boundaries.map((time) => ({ id: 1, time, evid: 2, amt: 0, cmt: 0, rate: 0, ii: 0, addl: 0, ss: 0, dv: NaN, mdv: 1, covariates: {}, row: 0 }));
  // A stable sort with the boundary rows first keeps them ahead of the rows at their time.
  const records = [...marks, ...base].sort((a, b) => a.time - b.time);
  records.forEach((r, i) => (r.row = i + 1));
  const occasion = Int32Array.from(records, (r) => boundaries.filter((t) => t <= r.time).length);
  return { records, occasion, count: boundaries.length + 1 };
}

function doseTime(doses: readonly DoseEvent[], k: number): number {
  if (!(Number.isInteger(k) && k >= 1 && k <= doses.length)) {
    throw new PopulationError(`IOV occasion starts at dose ${k}, but the regimen has doses 1–${doses.length}`);
  }
  return doses[k - 1].time;
}
