import { Regimen } from "./regimen.js";

/**
 * Reads regimen text into a `Regimen` (amounts to mg or nmol — per kg or per m² when written
 * so —, times to h; `simulate` converts them into the model's units). The full grammar is in
 * docs/regimens.md. Accepted forms:
 * - `"100 mg"`: one bolus at time 0;
 * - `"100 mg q12h x 14"`: 14 doses, one every 12 h (NONMEM II 12, ADDL 13);
 * - `"100 mg q12h for 7 days"`: every dose that starts within the period (14 here);
 * - `"500 mg over 1h q8h x 9"`: 1-h infusions (rate 500 mg/h); or `"rate 500 mg/h"`;
 * - `"200 mg at 0, 12, 36 h"`: doses at the listed times;
 * - `"loading 400 mg then 200 mg q24h x 6"`: a block after "then" without its own "at"
 *   starts one interval after the last dose so far — that dose's interval, or, for a single
 *   loading dose, the new block's own (maintenance here starts at 24 h);
 * - `"10 mg/h"`: a continuous infusion to the end of the simulation (`"for 24 h"` ends it);
 * - `"100 mg bid x 14"`: `qd`, `bid`, `tid`, `qid`, `qod` for q24h, q12h, q8h, q6h, q48h;
 * - `"5 mg/kg iv"`, `"75 mg/m2 over 1 h"`: per kg of weight, per m² of body surface area;
 * - `"... ss"` (steady state), `"... into cmt 2"` (compartment, default 1), or a route
 *   `iv`, `oral`/`po`, `sc`, `im` (the model's `$ROUTES` choose its compartment); blocks
 *   joined by "then" or ";".
 * Units: g, mg, ug, mcg, µg, ng; mol, mmol, umol, nmol, pmol; min, h, d, week. "none" is the
 * empty regimen.
 * Bad text throws one `RegimenError` pointing at the offending word and listing these forms.
 *
 * @example
 * parseRegimen("loading 400 mg then 200 mg q24h x 6").doses();
 * // [{ time: 0, amount: 400, cmt: 1, rate: 0, ii: 0, addl: 0, ss: 0, unit: "mg" },
 * //  { time: 24, amount: 200, cmt: 1, rate: 0, ii: 24, addl: 5, ss: 0, unit: "mg" }]
 */
export function parseRegimen(text: string): Regimen {
  return Regimen.parse(text);
}
