import type { Answers } from "./answers.js";
import type { CheckItemResult, CheckResult, Outcome } from "./types.js";

/** One item of a check: a name shown to the student and a test of the answers. */
export interface CheckItem {
  name: string;
  /** Run at grading only: `pmxlab release` leaves it out of the student's checks module (see docs/exercises.md). */
  hidden?: boolean;
  test(answers: Answers): Outcome | Promise<Outcome>;
}

/** A check: the items run for one exercise. Made by {@link defineCheck}. */
export interface Check {
  readonly kind: "pmxlab.check";
  readonly items: readonly CheckItem[];
}

/**
 * A check of one exercise from its items (names unique). Export it from the course's
 * `checks` module under the name the exercise's `check` metadata gives.
 *
 * @example
 * export const halfLife = defineCheck([
 *   { name: "half-life", test: (a) => numericAnswer(a.get("halfLife"), { value: Math.LN2 * 50 / 5, unit: "h" }) },
 * ]);
 */
export function defineCheck(items: readonly CheckItem[]): Check {
  if (items.length === 0) throw new Error("defineCheck: a check needs at least one item");
  const seen = new Set<string>();
  for (const item of items) {
    if (typeof item?.name !== "string" || item.name === "" || typeof item.test !== "function") throw new Error("defineCheck: every item needs a name and a test function");
    if (seen.has(item.name)) throw new Error(`defineCheck: two items are named "${item.name}"`);
    seen.add(item.name);
  }
  return { kind: "pmxlab.check", items: [...items] };
}

/** True for a value made by {@link defineCheck}. */
export function isCheck(value: unknown): value is Check {
  return typeof value === "object" && value !== null && (value as Check).kind === "pmxlab.check" && Array.isArray((value as Check).items);
}

export interface RunCheckOptions {
  /** Time allowed for each item, ms (default 10,000). An item still running then fails. */
  timeoutMs?: number;
}

/**
 * Runs every item of a check on the answers. An item that throws or does not finish in
 * time fails with the reason as its message — never a silent pass. A synchronous endless
 * loop cannot be stopped from inside the same thread; `pmxlab check`/`grade` and the
 * *Check* button stop the kernel's cell instead (see docs/exercises.md).
 *
 * @example
 * const result = await runCheck(halfLife, answersFrom({ halfLife: "6.93 h" }));
 * result.passed; // true
 */
export async function runCheck(check: Check, answers: Answers, options: RunCheckOptions = {}): Promise<CheckResult> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const items: CheckItemResult[] = [];
  for (const item of check.items) {
    const outcome = await runItem(item, answers, timeoutMs);
    const result: CheckItemResult = { name: item.name, passed: outcome.passed === true, message: String(outcome.message ?? "") };
    if (outcome.misconception !== undefined) result.misconception = outcome.misconception;
    if (item.hidden) result.hidden = true;
    items.push(result);
  }
  const passedCount = items.filter((i) => i.passed).length;
  return { passed: passedCount === items.length, score: passedCount / items.length, items };
}

async function runItem(item: CheckItem, answers: Answers, timeoutMs: number): Promise<Outcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ passed: false, message: `the check did not finish within ${timeoutMs / 1000} s` }), timeoutMs);
  });
  try {
    const outcome = await Promise.race([Promise.resolve().then(() => item.test(answers)), timeout]);
    if (typeof outcome !== "object" || outcome === null || typeof outcome.passed !== "boolean") {
      return { passed: false, message: "the check item returned no outcome (a bug in the check)" };
    }
    return outcome;
  } catch (error) {
    return { passed: false, message: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
