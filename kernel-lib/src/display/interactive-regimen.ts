import { formatDoses } from "../dosing/format-regimen.js";
import { parseRegimen } from "../dosing/index.js";
import type { DoseEvent } from "../dosing/types.js";

/**
 * Internal: the spec's regimen with the dose slider applied. The slider sets the amount of
 * the first dose (in its own unit, {@link interactiveDoseUnit}) and every dose is scaled by the same factor (a loading dose stays twice
 * the maintenance dose; infusion rates scale too, so durations stay). `text` is the
 * regimen text to write in code: the spec's own text when nothing is scaled.
 */
export function interactiveRegimen(regimen: string, dose: number | undefined): { doses: DoseEvent[]; text: string } {
  const doses = parseRegimen(regimen).doses();
  const first = doses[0]?.amount;
  if (dose === undefined || first === undefined || dose === first) return { doses, text: regimen };
  const factor = dose / first;
  const scaled = doses.map((d) => ({ ...d, amount: d === doses[0] ? dose : d.amount * factor, rate: d.rate * factor }));
  return { doses: scaled, text: formatDoses(scaled) };
}

/**
 * The unit of the dose slider: that of the regimen's first dose as written ("mg", "ug",
 * "mg/kg", "nmol" …), so the slider says what its number means; "mg" for a regimen whose
 * doses name no unit.
 */
export function interactiveDoseUnit(regimen: string): string {
  return parseRegimen(regimen).doses()[0]?.unit ?? "mg";
}
