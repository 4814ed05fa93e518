/** Internal to the regimen reader. A unit as an exact ratio to the base unit (mg or h): value · mul / div. */
export interface UnitScale {
  mul: number;
  div: number;
}

/** Amount units accepted in regimen text, to mg. Both micro signs (U+00B5, U+03BC) are accepted. */
export const AMOUNT_UNITS: Readonly<Record<string, UnitScale>> = {
  g: { mul: 1000, div: 1 },
  gram: { mul: 1000, div: 1 },
  grams: { mul: 1000, div: 1 },
  mg: { mul: 1, div: 1 },
  milligram: { mul: 1, div: 1 },
  milligrams: { mul: 1, div: 1 },
  ug: { mul: 1, div: 1000 },
  mcg: { mul: 1, div: 1000 },
  "\u00b5g": { mul: 1, div: 1000 },
  "\u03bcg": { mul: 1, div: 1000 },
  microgram: { mul: 1, div: 1000 },
  micrograms: { mul: 1, div: 1000 },
};

/** Time units accepted in regimen text, to h. */
export const TIME_UNITS: Readonly<Record<string, UnitScale>> = {
  min: { mul: 1, div: 60 },
  mins: { mul: 1, div: 60 },
  minute: { mul: 1, div: 60 },
  minutes: { mul: 1, div: 60 },
  h: { mul: 1, div: 1 },
  hr: { mul: 1, div: 1 },
  hrs: { mul: 1, div: 1 },
  hour: { mul: 1, div: 1 },
  hours: { mul: 1, div: 1 },
  d: { mul: 24, div: 1 },
  day: { mul: 24, div: 1 },
  days: { mul: 24, div: 1 },
  wk: { mul: 168, div: 1 },
  week: { mul: 168, div: 1 },
  weeks: { mul: 168, div: 1 },
};

/**
 * Converts a value to the base unit. Multiplying and dividing by exact integers keeps
 * conversions such as 250 ug = 0.25 mg and 30 min = 0.5 h exact where the result is.
 */
export function toBase(value: number, unit: UnitScale): number {
  return (value * unit.mul) / unit.div;
}
