import { AnswerError } from "./answer-error.js";
import type { Misconception } from "./misconceptions.js";
import { COMMON_MISTAKES } from "./misconceptions.js";
import { DIMENSIONLESS, isDimensionless, readQuantity, unitFactor, unitOf, type QuantityLike } from "./quantity.js";
import { close, type Tolerance } from "./tolerance.js";
import type { Outcome } from "./types.js";

export interface NumericAnswerOptions extends Tolerance {
  /** The unit the question asks in (bare numbers are read in it); default: the expected value's unit. */
  unit?: string;
  /** Wrong values of common mistakes, checked when the answer is not right. */
  misconceptions?: readonly Misconception<QuantityLike>[];
}

/**
 * Compares a numeric answer with units to the expected quantity. Quantities in any unit of
 * the right kind are converted (0.5 h and 30 min are the same answer). A wrong answer is
 * explained without giving the right value: a listed misconception it matches; a unit
 * error (a number that would be right in another unit of the same kind, e.g. written as
 * mg/L where it is ng/mL); a factor of 60 in a time (hours vs minutes). A dimensionless
 * answer (a fraction, a ratio) has the unit "1" and is a plain number.
 *
 * @example
 * numericAnswer("30 min", { value: 0.5, unit: "h" }).passed; // true
 * numericAnswer("5 mg/L", "5 ng/mL").message; // "… unit error: the number fits ng/mL, but it is written as mg/L …"
 */
export function numericAnswer(actual: unknown, expected: QuantityLike, options: NumericAnswerOptions = {}): Outcome {
  // A bare expected number is dimensionless (a count, a ratio, a percentage): unit "1".
  const unit = options.unit ?? unitOf(expected) ?? (typeof expected === "number" ? DIMENSIONLESS : undefined);
  if (unit === undefined) throw new Error("numericAnswer: give the expected value a unit (e.g. { value: 2, unit: \"h\" }) or options.unit");
  const want = readQuantity(expected, unit, "the expected value").value;
  if (actual === undefined) throw new AnswerError("no answer yet (the value is undefined)");
  const got = readQuantity(actual, unit);
  const shown = got.written.unit ? `${fmt(got.written.value)} ${got.written.unit}` : isDimensionless(unit) ? fmt(got.value) : `${fmt(got.value)} ${unit}`;
  if (close(got.value, want, options)) return { passed: true, message: `${shown} is right` };

  for (const m of options.misconceptions ?? []) {
    if (close(got.value, readQuantity(m.value, unit, `misconception "${m.name}"`).value, options)) {
      return { passed: false, message: `${shown} is not right. ${m.message}`, misconception: m.name };
    }
  }
  // The number is right but labelled with another unit of the same kind.
  const writtenUnit = got.written.unit;
  if (writtenUnit !== undefined && close(got.written.value, want, options) && Math.abs(unitFactor(writtenUnit, unit) - 1) > 1e-9) {
    return {
      passed: false,
      message: `${shown} is not right: a unit error — the number fits ${unit}, but it is written as ${writtenUnit} (1 ${writtenUnit} = ${fmt(unitFactor(writtenUnit, unit))} ${unit}).`,
      misconception: "unit error",
    };
  }
  if (isTime(unit) && (close(got.value, want * 60, options) || close(got.value, want / 60, options))) {
    return { passed: false, message: `${shown} is not right. ${COMMON_MISTAKES.hoursVsMinutes.message}`, misconception: COMMON_MISTAKES.hoursVsMinutes.name };
  }
  return { passed: false, message: `${shown} is not right (allowed error ${tolerance(options)}).` };
}

function isTime(unit: string): boolean {
  try {
    return Number.isFinite(unitFactor(unit, "h"));
  } catch {
    return false;
  }
}

function tolerance({ rtol = 0.01, atol = 0 }: Tolerance): string {
  return atol > 0 ? `${fmt(rtol * 100)} % + ${fmt(atol)}` : `${fmt(rtol * 100)} %`;
}

/** A number for messages: 4 significant digits. */
export function fmt(x: number): string {
  return String(+x.toPrecision(4));
}
