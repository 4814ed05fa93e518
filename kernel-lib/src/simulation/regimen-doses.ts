import { parseRegimen } from "../dosing/index.js";
import type { DoseEvent } from "../dosing/types.js";
import type { RegimenLike } from "./simulate.js";

/**
 * The doses of a regimen given as text, a `Regimen` or a dose list, as a new array (callers
 * such as the sensitivity methods add doses to it); none when there is no regimen. The one
 * reading of a `RegimenLike` for `simulate`, populations, sensitivity and `interactive`.
 * @internal
 *
 * @example
 * regimenDoses("100 mg q12h x 2"); // [{ time: 0, amount: 100, cmt: 1, rate: 0, ii: 12, addl: 1, ss: 0, … }]
 */
export function regimenDoses(regimen: RegimenLike | undefined): DoseEvent[] {
  if (regimen === undefined) return [];
  if (typeof regimen === "string") return parseRegimen(regimen).doses();
  if ("doses" in regimen && typeof regimen.doses === "function") return regimen.doses();
  return [...(regimen as readonly DoseEvent[])];
}
