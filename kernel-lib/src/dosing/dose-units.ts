/** Internal to the regimen reader. A unit as an exact ratio to its base unit: value · mul / div. */
export interface UnitScale {
  mul: number;
  div: number;
}

/**
 * The unit a regimen dose's amount is kept in: mg or nmol, alone or per kg of body weight or
 * per m² of body surface area. Regimen text in other units (g, µg, µmol, …) is converted to
 * one of these; `simulate` converts them into the model's units (see docs/regimens.md).
 */
export type DoseUnit = "mg" | "nmol" | "mg/kg" | "nmol/kg" | "mg/m2" | "nmol/m2";

/** The dose units, for checking values given through the API. */
export const DOSE_UNITS: readonly DoseUnit[] = ["mg", "nmol", "mg/kg", "nmol/kg", "mg/m2", "nmol/m2"];

/** An amount unit of regimen text: its scale to its base (mg for masses, nmol for amounts of substance). */
export interface AmountUnit extends UnitScale {
  base: "mg" | "nmol";
}

const mass = (mul: number, div: number): AmountUnit => ({ base: "mg", mul, div });
const molar = (mul: number, div: number): AmountUnit => ({ base: "nmol", mul, div });
/** The spellings of one unit, as map entries. */
const spelt = <U>(words: string[], unit: U): [string, U][] => words.map((w) => [w, unit]);

/** Amount units accepted in regimen text. Both micro signs (U+00B5, U+03BC) are accepted. */
export const AMOUNT_UNITS: ReadonlyMap<string, AmountUnit> = new Map<string, AmountUnit>([
  ...spelt(["g", "gram", "grams"], mass(1000, 1)),
  ...spelt(["mg", "milligram", "milligrams"], mass(1, 1)),
  ...spelt(["ug", "mcg", "\u00b5g", "\u03bcg", "microgram", "micrograms"], mass(1, 1000)),
  ...spelt(["ng", "nanogram", "nanograms"], mass(1, 1_000_000)),
  ...spelt(["mol"], molar(1_000_000_000, 1)),
  ...spelt(["mmol"], molar(1_000_000, 1)),
  ...spelt(["umol", "\u00b5mol", "\u03bcmol"], molar(1000, 1)),
  ...spelt(["nmol"], molar(1, 1)),
  ...spelt(["pmol"], molar(1, 1000)),
]);

/** Time units accepted in regimen text, to h. */
export const TIME_UNITS: ReadonlyMap<string, UnitScale> = new Map<string, UnitScale>([
  ...spelt(["min", "mins", "minute", "minutes"], { mul: 1, div: 60 }),
  ...spelt(["h", "hr", "hrs", "hour", "hours"], { mul: 1, div: 1 }),
  ...spelt(["d", "day", "days"], { mul: 24, div: 1 }),
  ...spelt(["w", "wk", "week", "weeks"], { mul: 168, div: 1 }),
]);

/**
 * Converts a value to the base unit. Multiplying and dividing by exact integers keeps
 * conversions such as 250 ug = 0.25 mg and 30 min = 0.5 h exact where the result is.
 */
export function toBase(value: number, unit: UnitScale): number {
  return (value * unit.mul) / unit.div;
}
