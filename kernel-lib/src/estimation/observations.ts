import type { Dataset } from "../dosing/types.js";
import { EstimationError } from "./estimation-error.js";

/**
 * One subject's observations in a dataset: its own one-subject dataset (doses and all
 * records, for simulation) and which simulated rows (EVID 0 records, in order) are
 * observations — EVID 0 with MDV 0 and a finite DV — with their times and values.
 */
export interface SubjectObservations {
  id: number;
  data: Dataset;
  /** Index of each observation among the subject's EVID 0 records. */
  rows: Int32Array;
  time: Float64Array;
  dv: Float64Array;
}

/**
 * Every subject's observations, in dataset order; subjects without observations are left
 * out (they carry no information), and a dataset without any is an error.
 *
 * @example
 * subjectObservations(readDataset(csv))[0].dv; // subject 1's concentrations
 */
export function subjectObservations(data: Dataset): SubjectObservations[] {
  const subjects = data.subjects.flatMap((s) => {
    const rows: number[] = [];
    const time: number[] = [];
    const dv: number[] = [];
    let k = 0;
    for (const r of s.records) {
      if (r.evid !== 0) continue;
      if (r.mdv === 0 && Number.isFinite(r.dv)) {
        rows.push(k);
        time.push(r.time);
        dv.push(r.dv);
      }
      k++;
    }
    if (rows.length === 0) return [];
    return [{ id: s.id, data: { covariates: data.covariates, subjects: [s] }, rows: Int32Array.from(rows), time: Float64Array.from(time), dv: Float64Array.from(dv) }];
  });
  if (subjects.length === 0) throw new EstimationError("the dataset has no observations (EVID 0 rows with MDV 0 and a DV)");
  return subjects;
}
