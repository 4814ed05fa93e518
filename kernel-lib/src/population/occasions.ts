import type { EventRecord } from "../dosing/types.js";
import { PopulationError } from "./population-error.js";

/**
 * Where occasions start, for inter-occasion variability: at the listed dose numbers (1-based,
 * counting each subject's doses after ADDL is expanded), at the listed times, or (dataset
 * design only) as a dataset column such as OCC gives them record by record. With `doses`, an
 * occasion starts at that dose's record (a sample listed before the dose at the same time stays
 * in the previous occasion); with `times`, before every record at that time. Occasion 1 runs from
 * the start to the first boundary, occasion k + 1 from boundary k. With `column`, each distinct
 * value is an occasion (in increasing order of value), and a record without a value stays in
 * the occasion before it.
 */
export type OccasionSpec = { doses: readonly number[] } | { times: readonly number[] } | { column: string };

/** One subject's records split into occasions: `occasion[r]` is record r's (0-based); `count` occasions. */
export interface OccasionRecords {
  records: EventRecord[];
  occasion: Int32Array;
  count: number;
}

/**
 * One subject's records (time-ordered NONMEM records, e.g. `regimenRecords` or a dataset
 * subject's) split into occasions: ADDL doses become records of their own (EVID 1, no
 * covariates, before the other records at their time), so that each dose can have its
 * occasion's values, then a covariate-only row (EVID 2) marks each boundary. `who` names the
 * subject in errors. Throws when boundaries do not increase, a dose number does not exist, or
 * the occasion column has no value on the first record.
 *
 * @example
 * occasionRecords(regimenRecords("100 mg q24h x 2", [12, 36]), { doses: [2] }, "the regimen").count; // 2
 */
export function occasionRecords(records: readonly EventRecord[], spec: OccasionSpec, who: string): OccasionRecords {
  const single = withoutAddl(records);
  if ("column" in spec) return byColumn(single, spec.column, who);
  const doses = single.flatMap((r, i) => (r.evid === 1 || r.evid === 4 ? [i] : []));
  const starts =
    "doses" in spec ? spec.doses.map((k) => doseRecord(doses, k, who)) : spec.times.map((t) => firstAtOrAfter(single, t));
  const times = "doses" in spec ? starts.map((i) => single[i].time) : [...spec.times];
  times.forEach((t, k) => {
    if (!Number.isFinite(t)) throw new PopulationError(`IOV occasion boundary ${k + 1} is ${t}, not a finite time`);
    if (k > 0 && !(t > times[k - 1])) throw new PopulationError(`IOV occasion boundaries must increase: boundary ${k + 1} (${t} h) is not after boundary ${k} (${times[k - 1]} h)`);
  });
  const out: EventRecord[] = [];
  const occasion: number[] = [];
  let b = 0;
  const mark = (time: number) => {
    out.push({ id: single[0]?.id ?? 1, time, evid: 2, amt: 0, cmt: 0, rate: 0, ii: 0, addl: 0, ss: 0, dv: NaN, mdv: 1, covariates: {}, row: 0 });
    occasion.push(++b);
  };
  single.forEach((r, i) => {
    while (b < starts.length && starts[b] === i) mark(times[b]);
    out.push(r);
    occasion.push(b);
  });
  while (b < starts.length) mark(times[b]);
  return { records: out, occasion: Int32Array.from(occasion), count: starts.length + 1 };
}

/** The records with every ADDL dose as its own record; implied doses carry no covariates, so those in effect stay. */
function withoutAddl(records: readonly EventRecord[]): EventRecord[] {
  if (records.every((r) => r.addl <= 0)) return [...records];
  const implied: EventRecord[] = [];
  const own = records.map((r) => {
    if (r.addl <= 0 || (r.evid !== 1 && r.evid !== 4)) return r;
    for (let k = 1; k <= r.addl; k++) implied.push({ ...r, evid: 1, time: r.time + k * r.ii, addl: 0, ss: 0, covariates: {} });
    return { ...r, addl: 0 };
  });
  // A stable sort with the implied doses first puts them before the rows at their time, as the timeline orders ADDL doses.
  return [...implied, ...own].sort((a, b) => a.time - b.time);
}

function doseRecord(doses: readonly number[], k: number, who: string): number {
  if (!(Number.isInteger(k) && k >= 1 && k <= doses.length)) {
    throw new PopulationError(`IOV occasion starts at dose ${k}, but ${who} has doses 1–${doses.length}`);
  }
  return doses[k - 1];
}

function firstAtOrAfter(records: readonly EventRecord[], time: number): number {
  const i = records.findIndex((r) => r.time >= time);
  return i < 0 ? records.length : i;
}

function byColumn(records: EventRecord[], column: string, who: string): OccasionRecords {
  const values: number[] = [];
  records.forEach((r, i) => {
    const v = r.covariates[column];
    if (v !== undefined && !Number.isNaN(v)) values.push(v);
    else if (i > 0) values.push(values[i - 1]);
    else throw new PopulationError(`IOV occasions: ${who}, row ${r.row}: column ${column} has no value on the subject's first record`);
  });
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  return { records, occasion: Int32Array.from(values, (v) => distinct.indexOf(v)), count: distinct.length };
}
