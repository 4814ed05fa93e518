import { displayDataWriter, runningTslab } from "../display/tslab-host.js";
import { answersFrom, type Answers } from "./answers.js";
import { isCheck, runCheck, type RunCheckOptions } from "./define-check.js";
import { summaryText } from "./summary.js";
import type { CheckResult } from "./types.js";

/** MIME type of a check result shown in the notebook: `{ exercise, check, result }`. */
export const CHECK_MIME = "application/vnd.pmxlab.check+json";

/** The payload of a {@link CHECK_MIME} output. */
export interface CheckReport {
  exercise: string;
  check: string;
  result: CheckResult;
}

/**
 * The variables of the running tslab kernel's cells. tslab 1.0.22 (pinned) keeps every
 * top-level declaration of every executed cell on `globalThis.__tslab__.exports` (see
 * display/tslab-host.ts for the other internals used); a kernel restart empties it, so
 * an answer reads as "not defined: run the cells above first".
 */
export function kernelAnswers(): Answers {
  const host = (globalThis as { __tslab__?: { exports?: Record<string, unknown> } }).__tslab__;
  if (typeof host?.exports !== "object" || host.exports === null) throw new Error("not running in the tslab kernel (no cell variables to check)");
  return answersFrom(host.exports);
}

/**
 * Runs check `checkName` of a course's checks module on the kernel's variables and shows
 * the result as one `display_data` ({@link CHECK_MIME} plus a text summary). This is what
 * the *Check* button and `pmxlab check` run in the kernel (the code comes from
 * {@link checkCellCode}); outside tslab it returns the report instead of showing it.
 */
export async function checkInKernel(checks: Record<string, unknown>, checkName: string, exercise: string, options: RunCheckOptions = {}): Promise<CheckReport | undefined> {
  const check = Object.prototype.hasOwnProperty.call(checks, checkName) ? checks[checkName] : undefined;
  const result: CheckResult = isCheck(check)
    ? await runCheck(check, kernelAnswers(), options)
    : { passed: false, score: 0, items: [{ name: "check", passed: false, message: `the course's checks module has no check "${checkName}" (exercise ${exercise})` }] };
  const report: CheckReport = { exercise, check: checkName, result };
  const tslab = runningTslab();
  if (tslab === undefined) return report;
  const write = displayDataWriter(tslab);
  if (write) write({ data: { [CHECK_MIME]: report, "text/plain": summaryText(report.result) }, metadata: {}, transient: {} }, false);
  else tslab.display.raw(CHECK_MIME, report);
  return undefined;
}

/** Where the check cell finds things: the checks module as an import path, and the time allowed. */
export interface CheckCellOptions {
  /** Import path of the course's checks module, relative to the notebook ("./checks") or absolute. */
  checksModule: string;
  timeoutMs?: number;
}

/**
 * TypeScript for the tslab kernel that runs one exercise's check. It declares nothing at
 * the top level (one block), so running it leaves no variable behind in the kernel.
 *
 * @example
 * checkCellCode({ id: "pk-basics/half-life", check: "halfLife" }, { checksModule: "./checks" });
 */
export function checkCellCode(exercise: { id: string; check: string }, options: CheckCellOptions): string {
  const args = [JSON.stringify(exercise.check), JSON.stringify(exercise.id), JSON.stringify({ timeoutMs: options.timeoutMs ?? 10_000 })].join(", ");
  return [
    "{",
    `  const pmxlabExercise = await import("@pmxlab/kernel/exercise");`,
    `  await pmxlabExercise.checkInKernel(await import(${JSON.stringify(options.checksModule)}), ${args});`,
    "}",
  ].join("\n");
}
