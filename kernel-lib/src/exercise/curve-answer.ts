import { AnswerError } from "./answer-error.js";
import { readNumbers, arrayAnswer } from "./array-answer.js";
import type { Misconception } from "./misconceptions.js";
import { fmt } from "./numeric-answer.js";
import type { Tolerance } from "./tolerance.js";
import type { Outcome } from "./types.js";

/** A concentration–time curve: a `Simulation` (time and outputs) or plain arrays. */
export type CurveLike = { time: ArrayLike<number>; outputs: Record<string, ArrayLike<number>> } | { time: ArrayLike<number>; values: ArrayLike<number> };

export interface CurveAnswerOptions extends Tolerance {
  /** The output compared when curves are simulations (default "CP"). */
  output?: string;
  /** Curves of common mistakes, e.g. the reference simulated with F = 1. */
  misconceptions?: readonly Misconception<CurveLike>[];
}

/** Times and values of a curve, naming what is missing. */
export function readCurve(curve: unknown, output: string, what = "the curve"): { time: ArrayLike<number>; values: ArrayLike<number> } {
  if (typeof curve !== "object" || curve === null || !("time" in curve)) {
    throw new AnswerError(`${what} should be a simulation or { time, values }, not ${curve === null ? "null" : typeof curve}`);
  }
  const c = curve as { time: unknown; values?: unknown; outputs?: Record<string, unknown> };
  const time = readNumbers(c.time, `${what}'s time`);
  let values: unknown = c.values;
  if (values === undefined && c.outputs) {
    if (!Object.prototype.hasOwnProperty.call(c.outputs, output)) throw new AnswerError(`${what} has no output ${output} (it has ${Object.keys(c.outputs).join(", ")})`);
    values = c.outputs[output];
  }
  const v = readNumbers(values, `${what}'s ${output}`);
  if (v.length !== time.length) throw new AnswerError(`${what} has ${time.length} times but ${v.length} values`);
  return { time, values: v };
}

/**
 * Compares a concentration–time curve with the reference at the reference's times. The
 * student's curve must have those times (within 1e-9 h); its values are compared as in
 * {@link arrayAnswer}, and a wrong curve can match a misconception (e.g. F ignored).
 *
 * @example
 * const ref = simulate("pk1cmt_oral", { regimen: "100 mg", times: { end: 24, step: 1 }, params: { F1: 0.5 } });
 * curveAnswer(studentSim, ref, { misconceptions: [mistake("fIgnored", simulate(…F1: 1…))] });
 */
export function curveAnswer(actual: unknown, reference: CurveLike, options: CurveAnswerOptions = {}): Outcome {
  const output = options.output ?? "CP";
  const ref = readCurve(reference, output, "the reference");
  const got = readCurve(actual, output);
  const picked = new Float64Array(ref.time.length);
  let j = 0;
  for (let i = 0; i < ref.time.length; i++) {
    while (j < got.time.length && got.time[j] < ref.time[i] - 1e-9) j++;
    if (j >= got.time.length || Math.abs(got.time[j] - ref.time[i]) > 1e-9) {
      return { passed: false, message: `the curve has no value at ${fmt(ref.time[i])} h; simulate on the asked time grid` };
    }
    picked[i] = got.values[j];
  }
  return arrayAnswer(picked, ref.values, {
    ...options,
    what: `${output} values`,
    misconceptions: options.misconceptions?.map((m) => ({ ...m, value: readCurve(m.value, output, m.name).values })),
  });
}
