// The leak guard: a reply that would reveal an exercise's solution — a line of its code, the
// expression it computes, or an answer value — is refused. It looks only at the reply and
// the solution, so nothing the student writes ("ignore previous instructions …") can turn it off.
import { numbersIn, sameNumber } from "../grounding/numbers.js";
import type { Solution } from "./solution.js";

export interface LeakCheck {
  leak: boolean;
  /** What gave it away, for the log and the notice (never shown to the student verbatim). */
  reason?: string;
}

/** What the student may legitimately see quoted: the exercise text, its authored hints, the student's own code. */
export interface LeakAllowance {
  text: string;
  numbers: readonly number[];
}

// Fragments shorter than this ("CL/V") are too common to call a leak on their own.
const MIN_FRAGMENT = 6;

/**
 * Checks a reply (or a prefix of it) for the solution.
 *
 * @example
 * checkLeak("use `const halfLife = Math.LN2 / ke;`", { code: "const halfLife = Math.LN2 / ke;", values: [] }, { text: "", numbers: [] }).leak; // true
 */
export function checkLeak(reply: string, solution: Solution, allowed: LeakAllowance): LeakCheck {
  const flatReply = flat(reply);
  const flatAllowed = flat(allowed.text);
  for (const fragment of codeFragments(solution.code)) {
    if (flatReply.includes(fragment) && !flatAllowed.includes(fragment)) return { leak: true, reason: "solution code" };
  }
  for (const found of numbersIn(reply)) {
    if (allowed.numbers.some((n) => sameNumber(found, n))) continue;
    for (const answer of solution.values) {
      const unitFits = found.unit === undefined ? found.significantDigits >= 2 : found.unit === answer.unit;
      if (unitFits && sameNumber(found, answer.value)) return { leak: true, reason: `solution value (${answer.unit})` };
    }
  }
  return { leak: false };
}

/** The reply that replaces a leaking one: a refusal that still helps (the next authored hint, if any). */
export function refusal(nextHint: string | undefined): string {
  const hint = nextHint ? `\n\nHere is a hint instead: ${nextHint}` : "\n\nTell me what you have tried, and I will help you find the next step.";
  return `I can't give you the solution to this exercise — working it out is the point of it.${hint}`;
}

// Each solution line, and the expression on the right of an assignment, without spaces,
// comments and trailing semicolons, so re-spacing or dropping `const` still matches.
function codeFragments(code: string): string[] {
  const out = new Set<string>();
  for (const raw of code.split("\n")) {
    const line = flat(raw.replace(/\/\/.*$/, "")).replace(/;+$/, "");
    if (line.length >= MIN_FRAGMENT) out.add(line);
    const eq = line.search(/(?<![=!<>])=(?![=>])/);
    if (eq >= 0) {
      const rhs = line.slice(eq + 1);
      if (rhs.length >= MIN_FRAGMENT) out.add(rhs);
      const lhs = line.slice(0, eq).replace(/^(const|let|var)/, "");
      if (lhs.length + rhs.length + 1 >= MIN_FRAGMENT) out.add(`${lhs}=${rhs}`);
    }
  }
  return [...out];
}

function flat(text: string): string {
  return text.replace(/\s+/g, "").replace(/[`*]/g, "");
}
