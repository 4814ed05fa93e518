// Numbers as they appear in a reply, with the unit written after them, and the rule for
// "the same number" when one side is rounded for display.

/** A number found in text: its value, where it is, and the unit that follows it (normalised), if any. */
export interface NumberInText {
  value: number;
  text: string;
  index: number;
  unit?: string;
  /** Half a unit in the last digit written: "6.1" → 0.05. */
  roundingTolerance: number;
  significantDigits: number;
}

// Units the tutor talks in; longest first so "mg/L" wins over "mg".
const UNITS = ["mg·h/L", "mg*h/L", "mg h/L", "ng/mL", "µg/mL", "ug/mL", "mg/L", "mg/kg", "L/h", "1/h", "h-1", "mL/min", "mg", "µg", "ug", "ng", "mL", "L", "h", "min", "%"];
const UNIT_PATTERN = UNITS.map((u) => u.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|");
const NUMBER = new RegExp(`(?<![\\w.])([-−]?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)(?:\\s?(${UNIT_PATTERN})(?![\\w/]))?`, "g");

/** Units that mean the same, written one way: "mg*h/L" and "mg h/L" → "mg·h/L", "h-1" → "1/h". */
export function normaliseUnit(unit: string): string {
  const u = unit.trim();
  if (u === "mg*h/L" || u === "mg h/L") return "mg·h/L";
  if (u === "h-1") return "1/h";
  if (u === "ug/mL") return "µg/mL";
  if (u === "ug") return "µg";
  return u;
}

/**
 * Every number in a text. Digits inside identifiers (pk1cmt, CL2) are not numbers.
 *
 * @example
 * numbersIn("C(2 h) is 1.64 mg/L")[1]; // { value: 1.64, unit: "mg/L", roundingTolerance: 0.005, … }
 */
export function numbersIn(text: string): NumberInText[] {
  const out: NumberInText[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const literal = m[1]!.replace("−", "-");
    const value = Number(literal);
    if (!Number.isFinite(value)) continue;
    const [mantissa, exponent] = literal.toLowerCase().split("e");
    const decimals = mantissa!.includes(".") ? mantissa!.split(".")[1]!.length : 0;
    const roundingTolerance = 0.5 * 10 ** (-decimals + Number(exponent ?? 0));
    const significantDigits = mantissa!.replace(/^[-0.]+/, "").replace(".", "").length || 1;
    const found: NumberInText = { value, text: m[0], index: m.index!, roundingTolerance, significantDigits };
    if (m[2] !== undefined) found.unit = normaliseUnit(m[2]);
    out.push(found);
  }
  return out;
}

/** True when `shown` is `exact` rounded as written (or within 0.5 % of it). */
export function sameNumber(shown: NumberInText, exact: number): boolean {
  return Math.abs(shown.value - exact) <= Math.max(shown.roundingTolerance, 0.005 * Math.abs(exact)) * (1 + 1e-9);
}

/** A value written with 3 significant digits, as the guards put a computed number into a reply. */
export function formatValue(value: number): string {
  return Number(value.toPrecision(3)).toString();
}
