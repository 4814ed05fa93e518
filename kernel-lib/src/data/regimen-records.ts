import { parseRegimen } from "../dosing/index.js";
import type { Regimen } from "../dosing/index.js";
import type { Dataset, DoseEvent, EventRecord } from "../dosing/types.js";

/** Doses as a `Regimen`, its text form ("100 mg q12h x 14") or NONMEM dose records. */
export type RegimenSource = Regimen | string | readonly DoseEvent[];

/**
 * One subject's NONMEM records from a regimen and observation times (h): a dose row per
 * dose record (EVID 1, or 4 when it resets; ADDL/II kept, not expanded; MDV 1, DV NaN) and
 * an observation row per time (EVID 0, CMT 0 = the default output compartment, MDV 0,
 * DV NaN). Rows are in time order; at equal times dose rows come first, so an observation
 * at a dose time sees that dose (as `simulate` does with a regimen). `row` numbers the
 * rows from 1 in that order. No covariates.
 *
 * @example
 * regimenRecords("100 mg q12h x 2", [0, 6, 12]).map((r) => [r.time, r.evid]);
 * // [[0, 1], [0, 0], [6, 0], [12, 0]]
 */
export function regimenRecords(regimen: RegimenSource, observationTimes: ArrayLike<number>, id = 1): EventRecord[] {
  if (!Number.isFinite(id)) throw new Error(`regimenRecords: id ${id} is not a finite number`);
  const doses: EventRecord[] = doseList(regimen).map((d) => ({
    id,
    time: d.time,
    evid: d.reset ? 4 : 1,
    amt: d.amount,
    cmt: d.cmt,
    rate: d.rate,
    ii: d.ii,
    addl: d.addl,
    ss: d.ss,
    dv: NaN,
    mdv: 1,
    covariates: {},
    row: 0,
  }));
  const observations: EventRecord[] = Array.from(observationTimes, (time, k) => {
    if (!Number.isFinite(time)) throw new Error(`regimenRecords: observationTimes[${k}] = ${time} is not a finite time (h)`);
    return { id, time, evid: 0, amt: 0, cmt: 0, rate: 0, ii: 0, addl: 0, ss: 0, dv: NaN, mdv: 0, covariates: {}, row: 0 };
  });
  // A stable sort keeps dose rows (listed first) ahead of observations at the same time.
  const records = [...doses, ...observations].sort((a, b) => a.time - b.time);
  records.forEach((r, i) => (r.row = i + 1));
  return records;
}

/**
 * A dataset of subjects `ids` (default [1]) who all get `regimen` and are observed at
 * `observationTimes` (h); records as in `regimenRecords`, `row` counting through the whole
 * dataset as `datasetToCsv` writes it.
 *
 * @example
 * datasetToCsv(datasetFromRegimen("100 mg", [1, 2], [1, 2])); // 6 rows: ID 1 then ID 2
 */
export function datasetFromRegimen(regimen: RegimenSource, observationTimes: ArrayLike<number>, ids: readonly number[] = [1]): Dataset {
  let offset = 0;
  const subjects = ids.map((id) => {
    const records = regimenRecords(regimen, observationTimes, id);
    for (const r of records) r.row += offset;
    offset += records.length;
    return { id, records };
  });
  return { covariates: [], subjects };
}

function doseList(regimen: RegimenSource): readonly DoseEvent[] {
  const doses = typeof regimen === "string" ? parseRegimen(regimen).doses() : "doses" in regimen && typeof regimen.doses === "function" ? regimen.doses() : (regimen as readonly DoseEvent[]);
  // Records are written as they are (a dataset is in the model's units): a dose whose size or
  // compartment depends on the subject or the model cannot be, so it is refused, not guessed.
  const unwritable = doses.find((d) => d.unit?.includes("/") || d.cmt === 0);
  if (unwritable) {
    const what = subjectOrModelDose(unwritable);
    throw new Error(`regimenRecords: ${what} depends on the model or the subject, so it cannot be written as a NONMEM record; simulate the regimen directly, or convert it with toModelDoses(model, doses, body) first`);
  }
  return doses;
}

function subjectOrModelDose(d: DoseEvent): string {
  return d.cmt === 0 ? `a dose by route ${d.route} (its compartment comes from the model's $ROUTES)` : `a dose in ${d.unit}`;
}
