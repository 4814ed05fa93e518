import { SensitivityError } from "./sensitivity-error.js";

/**
 * The parameter names of a one-at-a-time analysis's base point, after checking that there
 * is at least one and that each value is a finite number.
 * @internal
 */
export function checkBase(base: Readonly<Record<string, number>>, analysis: string): string[] {
  const names = Object.keys(base);
  if (names.length === 0) throw new SensitivityError(`${analysis} needs the base values of at least one parameter`);
  for (const name of names) {
    if (!Number.isFinite(base[name])) throw new SensitivityError(`${analysis}: base value of ${name} is ${base[name]}, not a finite number`);
  }
  return names;
}
