import { expandDoses } from "../dosing/index.js";
import { Regimen } from "../dosing/regimen.js";
import type { DoseEvent } from "../dosing/types.js";
import { AnswerError } from "./answer-error.js";
import type { Misconception } from "./misconceptions.js";
import { describe } from "./quantity.js";
import type { Outcome } from "./types.js";

/** A regimen as text ("100 mg q12h x 3"), a `Regimen`, or its dose records. */
export type RegimenAnswer = string | Regimen | readonly DoseEvent[];

/** The single doses of a regimen (ADDL expanded), naming what does not parse. */
export function readDoses(value: unknown, what = "your regimen"): DoseEvent[] {
  try {
    if (typeof value === "string") return expandDoses(Regimen.parse(value).doses());
    if (value instanceof Regimen) return expandDoses(value.doses());
    if (Array.isArray(value)) return expandDoses(value as DoseEvent[]);
  } catch (error) {
    throw new AnswerError(`${what} does not read as a regimen: ${(error as Error).message}`);
  }
  throw new AnswerError(`${what} should be regimen text such as "100 mg q12h x 3", not ${describe(value)}`);
}

function sameDoses(a: DoseEvent[], b: DoseEvent[]): string | undefined {
  if (a.length !== b.length) return `it gives ${a.length} doses, not the number asked for`;
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i], b[i]];
    const same = (p: number, q: number) => Math.abs(p - q) <= 1e-9 * Math.max(1, Math.abs(q));
    if (!same(x.time, y.time)) return `dose ${i + 1} is not at the asked time`;
    if (!same(x.amount, y.amount)) return `dose ${i + 1} does not have the asked amount`;
    if (x.cmt !== y.cmt) return `dose ${i + 1} goes into compartment ${x.cmt}, not the asked one`;
    if (!same(x.rate, y.rate)) return `dose ${i + 1} is given ${x.rate > 0 ? "as an infusion" : "as a bolus"}, not as asked`;
  }
  return undefined;
}

/**
 * Checks that a regimen gives the same doses as the asked one, however it is written:
 * "100 mg q12h x 3" equals "100 mg at 0, 12, 24 h" and "0.1 g every 12 hours for 3 doses".
 * A listed misconception (e.g. one interval too many) is named when matched.
 *
 * @example
 * regimenAnswer("100 mg every 12 h x 3", "100 mg q12h x 3").passed; // true
 */
export function regimenAnswer(actual: unknown, expected: RegimenAnswer, options: { misconceptions?: readonly Misconception<RegimenAnswer>[] } = {}): Outcome {
  const want = readDoses(expected, "the expected regimen");
  const got = readDoses(actual);
  const problem = sameDoses(got, want);
  if (problem === undefined) return { passed: true, message: "the regimen gives the asked doses" };
  for (const m of options.misconceptions ?? []) {
    if (sameDoses(got, readDoses(m.value, m.name)) === undefined) return { passed: false, message: `The regimen is not right. ${m.message}`, misconception: m.name };
  }
  return { passed: false, message: `The regimen is not right: ${problem}.` };
}
