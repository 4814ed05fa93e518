/**
 * The result of a check (DESIGN.md "Notebook exercises"): `passed` when every item passed,
 * `score` the fraction of items passed (0–1; grading multiplies it by the exercise's points),
 * and one line of feedback per item.
 */
export interface CheckResult {
  passed: boolean;
  score: number;
  items: CheckItemResult[];
}

/** One item of a {@link CheckResult}. `misconception` names the mistake recognised, if any. */
export interface CheckItemResult {
  name: string;
  passed: boolean;
  message: string;
  misconception?: string;
  /** True for an item instructors marked hidden (run at grading, left out of student versions). */
  hidden?: boolean;
}

/** What one comparison (numericAnswer, curveAnswer, …) says about an answer. */
export interface Outcome {
  passed: boolean;
  message: string;
  /** The name of the common mistake the answer matches (e.g. "ln 2 forgotten"). */
  misconception?: string;
}
