import { AnswerError } from "./answer-error.js";
import type { Misconception } from "./misconceptions.js";
import { COMMON_MISTAKES } from "./misconceptions.js";
import { describe, readQuantity, unitFactor, unitOf, type QuantityLike, type ReadQuantity } from "./quantity.js";
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
 * mg/L where it is ng/mL); a factor of 60 in a time (hours vs minutes).
 *
 * @example
 * numericAnswer("30 min", { value: 0.5, unit: "h" }).passed; // true
 * numericAnswer("5 mg/L", "5 ng/mL").message; // "… unit error: the number fits ng/mL, but it is written as mg/L …"
 */
export function numericAnswer(actual: unknown, expected: QuantityLike, options: NumericAnswerOptions = {}): Outcome {
  const unit = options.unit ?? unitOf(expected);
  if (unit === undefined && typeof expected !== "number") throw new Error("numericAnswer: give the expected value a unit (e.g. { value: 2, unit: \"h\" }) or options.unit");
  // A bare expected number without a unit is dimensionless (a count, a ratio, a percentage):
  // mathjs has no unit for those, so answers are read as plain numbers.
  const read = (q: unknown, what?: string) => (unit === undefined ? readDimensionless(q, what) : readQuantity(q, unit, what));
  const want = read(expected, "the expected value").value;
  if (actual === undefined) throw new AnswerError("no answer yet (the value is undefined)");
  const got = read(actual);
  const shown = got.written.unit ? `${fmt(got.written.value)} ${got.written.unit}` : unit === undefined ? fmt(got.value) : `${fmt(got.value)} ${unit}`;
  if (close(got.value, want, options)) return { passed: true, message: `${shown} is right` };

  for (const m of options.misconceptions ?? []) {
    if (close(got.value, read(m.value, `misconception "${m.name}"`).value, options)) {
      return { passed: false, message: `${shown} is not right. ${m.message}`, misconception: m.name };
    }
  }
  // The number is right but labelled with another unit of the same kind.
  const writtenUnit = got.written.unit;
  if (unit === undefined) return { passed: false, message: `${shown} is not right (allowed error ${tolerance(options)}).` };
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

/** A plain number (or its text) for a dimensionless answer; a quantity with a unit is refused. */
function readDimensionless(q: unknown, what = "the answer"): ReadQuantity {
  const value = typeof q === "number" ? q : typeof q === "string" && q.trim() !== "" ? Number(q.trim()) : NaN;
  if (!Number.isFinite(value)) throw new AnswerError(`${what} should be a plain number (a count or a ratio, without a unit), not ${describe(q)}`);
  return { value, written: { value, unit: undefined } };
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
