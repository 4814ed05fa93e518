/**
 * Body surface area by Mosteller's formula, BSA = √(HT · WT / 3600), in m² from height in cm
 * and weight in kg (Mosteller RD. Simplified calculation of body-surface area. N Engl J Med.
 * 1987;317(17):1098. doi:10.1056/NEJM198710223171717). Used for doses per m² when a subject
 * has no BSA of its own. Throws for a height or weight that is not a finite number > 0.
 *
 * @example
 * mostellerBsa(170, 70); // √(170 · 70 / 3600) = 1.818 m²
 */
export function mostellerBsa(heightCm: number, weightKg: number): number {
  if (!(heightCm > 0) || !Number.isFinite(heightCm)) throw new RangeError(`mostellerBsa: height ${heightCm} cm is not a finite number > 0`);
  if (!(weightKg > 0) || !Number.isFinite(weightKg)) throw new RangeError(`mostellerBsa: weight ${weightKg} kg is not a finite number > 0`);
  return Math.sqrt((heightCm * weightKg) / 3600);
}
