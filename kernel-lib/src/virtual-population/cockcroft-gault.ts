/**
 * Creatinine clearance (mL/min) estimated by Cockcroft and Gault (Nephron 1976;16:31–41):
 *
 *   CrCl = (140 − age) · weight / (72 · SCr) · (0.85 if female)
 *
 * with age in years, weight in kg (total body weight here), SCr in mg/dL.
 *
 * @example
 * cockcroftGault({ age: 40, weight: 72, scr: 1, female: false }); // 100 mL/min
 * cockcroftGault({ age: 40, weight: 72, scr: 1, female: true });  // 85 mL/min
 */
export function cockcroftGault(subject: { age: number; weight: number; scr: number; female: boolean }): number {
  const { age, weight, scr, female } = subject;
  return (((140 - age) * weight) / (72 * scr)) * (female ? 0.85 : 1);
}
