import { AnswerError } from "./answer-error.js";
import { describe } from "./quantity.js";
import type { Outcome } from "./types.js";

export interface ChoiceAnswerOptions {
  /** The choices offered, so an answer outside them is named as such. */
  choices?: readonly string[];
  /** Feedback for wrong choices that common mistakes lead to, by choice. */
  misconceptions?: Readonly<Record<string, { name: string; message: string }>>;
}

/**
 * Multiple choice: the answer is one choice (text such as "B") or, when several are right,
 * an array of all of them in any order. Case and surrounding spaces are ignored.
 *
 * @example
 * choiceAnswer("b", "B").passed; // true
 */
export function choiceAnswer(actual: unknown, correct: string | readonly string[], options: ChoiceAnswerOptions = {}): Outcome {
  const norm = (s: string) => s.trim().toUpperCase();
  const list = (v: unknown): string[] => {
    if (typeof v === "string") return [norm(v)];
    if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v.map(norm).sort();
    throw new AnswerError(`the answer should be a choice such as "B" (or an array of choices), not ${describe(v)}`);
  };
  const got = list(actual);
  const want = list(correct);
  const offered = options.choices?.map(norm);
  const unknown = offered ? got.filter((g) => !offered.includes(g)) : [];
  if (unknown.length > 0) return { passed: false, message: `${unknown.join(", ")} is not one of the choices (${offered!.join(", ")})` };
  if (got.length === want.length && got.every((g, i) => g === want[i])) return { passed: true, message: "right choice" };
  const table = options.misconceptions ?? {};
  for (const g of got) {
    const key = Object.keys(table).find((k) => norm(k) === g);
    if (key !== undefined && !want.includes(g)) return { passed: false, message: `${g} is not right. ${table[key].message}`, misconception: table[key].name };
  }
  return { passed: false, message: want.length > 1 ? "not the right set of choices" : `${got.join(", ")} is not right` };
}
