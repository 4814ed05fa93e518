import type { EventRecord } from "../dosing/types.js";
import { DatasetError } from "./dataset-error.js";

/**
 * Checks one record against NONMEM's rules (internal to `readDataset`); throws a
 * `DatasetError` naming the row, line and column:
 * - EVID is 0–4, MDV 0 or 1, SS 0, 1 or 2 (SS 3 is not supported);
 * - AMT, RATE, II and ADDL are not negative (RATE −1/−2, NONMEM's modelled rate and
 *   duration, are not supported); ADDL is a whole number; CMT is a whole number ≥ 0
 *   (a negative CMT, which turns a compartment off in NONMEM, is not supported);
 * - rows that are not doses (EVID 0, 2, 3) have AMT, RATE, II, ADDL and SS all 0, and
 *   every row that is not an observation has MDV 1;
 * - ADDL > 0 needs II > 0; an infusion (RATE > 0) that is not at steady state needs AMT > 0;
 * - SS 1 or 2 needs II > 0, except NONMEM's steady-state constant infusion, which is
 *   written SS > 0 with RATE > 0, II = 0 and AMT = 0.
 */
export function validateRecord(r: EventRecord, line: number): void {
  if (!(r.evid === 0 || r.evid === 1 || r.evid === 2 || r.evid === 3 || r.evid === 4)) fail(r, line, "EVID", `EVID ${r.evid} is not one of 0 (observation), 1 (dose), 2 (other), 3 (reset), 4 (reset and dose)`);
  if (r.mdv !== 0 && r.mdv !== 1) fail(r, line, "MDV", `MDV ${r.mdv} is not 0 or 1`);
  if (!(r.ss === 0 || r.ss === 1 || r.ss === 2)) fail(r, line, "SS", `SS ${r.ss} is not 0, 1 or 2`);
  if (r.amt < 0) fail(r, line, "AMT", `AMT ${r.amt} is negative`);
  if (r.rate < 0) fail(r, line, "RATE", `RATE ${r.rate} is negative (NONMEM's modelled rate −1 and duration −2 are not supported; give the rate in amount/time)`);
  if (r.ii < 0) fail(r, line, "II", `II ${r.ii} is negative`);
  if (r.addl < 0 || !Number.isInteger(r.addl)) fail(r, line, "ADDL", `ADDL ${r.addl} is not a whole number ≥ 0`);
  if (r.cmt < 0) fail(r, line, "CMT", `CMT ${r.cmt} is negative (turning a compartment off is not supported)`);
  if (!Number.isInteger(r.cmt)) fail(r, line, "CMT", `CMT ${r.cmt} is not a whole number`);

  const dose = r.evid === 1 || r.evid === 4;
  // The usual observation row carries no dose items: skip building the list to name one.
  if (!dose && (r.amt !== 0 || r.rate !== 0 || r.ii !== 0 || r.addl !== 0 || r.ss !== 0)) {
    const kind = r.evid === 0 ? "an observation" : r.evid === 2 ? "an other-type" : "a reset";
    for (const [column, value] of [["AMT", r.amt], ["RATE", r.rate], ["II", r.ii], ["ADDL", r.addl], ["SS", r.ss]] as const) {
      if (value !== 0) fail(r, line, column, `${column} ${value} on ${kind} row (EVID ${r.evid}); only dose rows (EVID 1 or 4) carry ${column}`);
    }
  }
  if (r.evid !== 0 && r.mdv !== 1) fail(r, line, "MDV", `MDV 0 on a row with EVID ${r.evid}; only observations (EVID 0) may have MDV 0`);
  if (r.addl > 0 && !(r.ii > 0)) fail(r, line, "II", `ADDL ${r.addl} needs II > 0 (the interval between the additional doses)`);
  if (r.rate > 0 && r.ss === 0 && !(r.amt > 0)) fail(r, line, "AMT", `an infusion (RATE ${r.rate}) needs AMT > 0`);
  if (r.ss > 0 && !(r.ii > 0)) {
    if (!(r.rate > 0)) fail(r, line, "II", `SS ${r.ss} needs II > 0 (or RATE > 0 with II 0 and AMT 0 for a steady-state constant infusion)`);
    if (r.amt !== 0) fail(r, line, "AMT", `a steady-state constant infusion (SS ${r.ss}, RATE ${r.rate}, II 0) has AMT 0, not ${r.amt}; give II > 0 for repeated infusions`);
  }
}

/** Throws the `DatasetError` for record `r` at file line `line` (a function, not a closure made per record). */
function fail(r: EventRecord, line: number, column: string, message: string): never {
  throw new DatasetError(message, { row: r.row, line, column });
}
