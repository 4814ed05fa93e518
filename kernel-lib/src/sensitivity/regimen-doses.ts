import { parseRegimen } from "../dosing/index.js";
import type { DoseEvent } from "../dosing/types.js";
import type { RegimenLike } from "../simulation/index.js";

/**
 * The doses of a regimen given as text, a `Regimen` or a dose list (a new array).
 * @internal
 *
 * @example
 * regimenDoses("100 mg q12h x 2"); // [{ time: 0, amount: 100, cmt: 1, rate: 0, ii: 12, addl: 1, ss: 0, … }]
 */
export function regimenDoses(regimen: RegimenLike): DoseEvent[] {
  if (typeof regimen === "string") return parseRegimen(regimen).doses();
  return "doses" in regimen ? regimen.doses() : [...regimen];
}
