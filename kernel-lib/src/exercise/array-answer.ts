import { AnswerError } from "./answer-error.js";
import type { Misconception } from "./misconceptions.js";
import { fmt } from "./numeric-answer.js";
import { describe } from "./quantity.js";
import { close, type Tolerance } from "./tolerance.js";
import type { Outcome } from "./types.js";

export interface ArrayAnswerOptions extends Tolerance {
  /** What the values are, for messages ("concentrations (mg/L)"). */
  what?: string;
  /** Wrong arrays of common mistakes (same length as the expected one). */
  misconceptions?: readonly Misconception<ArrayLike<number>>[];
}

/** Reads an array of numbers (Array or typed array), naming what is wrong otherwise. */
export function readNumbers(value: unknown, what: string): ArrayLike<number> {
  const ok = Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
  if (!ok) throw new AnswerError(`${what} should be an array of numbers, not ${describe(value)}`);
  const values = value as ArrayLike<unknown>;
  for (let i = 0; i < values.length; i++) {
    if (typeof values[i] !== "number") throw new AnswerError(`${what}[${i}] is ${describe(values[i])}, not a number`);
  }
  return values as ArrayLike<number>;
}

function allClose(a: ArrayLike<number>, b: ArrayLike<number>, tol: Tolerance): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!close(a[i], b[i], tol)) return false;
  return true;
}

/**
 * Compares an array element by element (|a − b| ≤ atol + rtol · |b|). A wrong array is
 * described by how many values are off and where the first one is, or by the listed
 * misconception it matches — never by the expected values.
 *
 * @example
 * arrayAnswer([1, 2, 3.001], [1, 2, 3]).passed; // true
 */
export function arrayAnswer(actual: unknown, expected: ArrayLike<number>, options: ArrayAnswerOptions = {}): Outcome {
  const what = options.what ?? "the values";
  const got = readNumbers(actual, what);
  if (got.length !== expected.length) {
    return { passed: false, message: `${what}: ${got.length} values, ${expected.length} expected` };
  }
  let wrong = 0;
  let first = -1;
  for (let i = 0; i < got.length; i++) {
    if (!close(got[i], expected[i], options)) {
      wrong++;
      if (first < 0) first = i;
    }
  }
  if (wrong === 0) return { passed: true, message: `${what}: all ${got.length} values right` };
  for (const m of options.misconceptions ?? []) {
    if (allClose(got, m.value, options)) return { passed: false, message: `${what} are not right. ${m.message}`, misconception: m.name };
  }
  return { passed: false, message: `${what}: ${wrong} of ${got.length} values are off by more than ${fmt((options.rtol ?? 0.01) * 100)} % (the first at index ${first})` };
}
