import { getModel } from "../library/index.js";
import { parseModel } from "../model/index.js";
import type { Model } from "../model/types.js";
import { simulate, type RegimenLike } from "../simulation/index.js";
import type { TimeGrid } from "../simulation/types.js";
import { AnswerError } from "./answer-error.js";
import { fmt } from "./numeric-answer.js";
import { describe } from "./quantity.js";
import { close, type Tolerance } from "./tolerance.js";
import type { Outcome } from "./types.js";

/** One situation the student's model must reproduce: parameter values and a regimen. */
export interface ModelCase {
  params: Record<string, number>;
  regimen: RegimenLike;
}

export interface ModelAnswerOptions extends Tolerance {
  /** At least one; several parameter sets and regimens, so a model right in one case by chance fails. */
  cases: readonly ModelCase[];
  /** Output times (default: every hour to the regimen's end plus 24 h). */
  times?: ArrayLike<number> | TimeGrid;
  /** Output compared (default "CP"). */
  output?: string;
}

/** A model from a `Model`, the pmxlab model text, or a built-in model's name. */
export function readModel(value: unknown, what = "your model"): Model {
  if (typeof value === "string") {
    try {
      return /\n/.test(value) ? parseModel(value) : getModel(value);
    } catch (error) {
      throw new AnswerError(`${what} does not compile: ${(error as Error).message}`);
    }
  }
  if (typeof value === "object" && value !== null && typeof (value as Model).rhs === "function" && Array.isArray((value as Model).parameters)) return value as Model;
  throw new AnswerError(`${what} should be a model (parseModel(text) or its text), not ${describe(value)}`);
}

function caseText(c: ModelCase): string {
  const params = Object.entries(c.params).map(([k, v]) => `${k} = ${v}`).join(", ");
  const regimen = typeof c.regimen === "string" ? c.regimen : "the given doses";
  return `${params}; ${regimen}`;
}

/**
 * Checks that a student-written model reproduces the reference model's simulation over
 * several parameter sets and regimens, so a model right in one situation by chance (e.g.
 * a missing peripheral compartment hidden by a short profile) fails. The first case that
 * differs is named, with the time and the relative difference — not the reference values.
 *
 * @example
 * modelAnswer(studentText, "pk1cmt_oral", { cases: [
 *   { params: { KA: 1, CL: 5, V: 50 }, regimen: "100 mg" },
 *   { params: { KA: 0.3, CL: 2, V: 20 }, regimen: "50 mg q12h x 4" }] });
 */
export function modelAnswer(actual: unknown, reference: Model | string, options: ModelAnswerOptions): Outcome {
  if (options.cases.length === 0) throw new Error("modelAnswer: give at least one case");
  const student = readModel(actual);
  const ref = typeof reference === "string" ? readModel(reference, "the reference model") : reference;
  const output = options.output ?? "CP";
  if (!student.outputs.some((o) => o.name === output)) {
    throw new AnswerError(`your model has no output ${output} (it has ${student.outputs.map((o) => o.name).join(", ") || "none"})`);
  }
  for (const c of options.cases) {
    const refSim = simulate(ref, { regimen: c.regimen, times: options.times ?? { step: 1 }, params: c.params });
    const want = refSim.outputs[output];
    const time = refSim.time;
    let got: ArrayLike<number>;
    try {
      const sim = simulate(student, { regimen: c.regimen, times: time, params: c.params });
      if (sim.status !== "success") throw new Error(sim.message);
      got = sim.outputs[output];
    } catch (error) {
      return { passed: false, message: `your model fails with ${caseText(c)}: ${(error as Error).message}` };
    }
    const scale = Math.max(...Array.from(want, Math.abs));
    for (let i = 0; i < want.length; i++) {
      if (!close(got[i], want[i], { rtol: options.rtol ?? 0.01, atol: options.atol ?? 1e-6 * scale })) {
        const off = want[i] === 0 ? "" : ` (${fmt((100 * (got[i] - want[i])) / want[i])} %)`;
        return { passed: false, message: `your model's ${output} differs from the reference with ${caseText(c)} at t = ${fmt(time[i])} h${off}` };
      }
    }
  }
  return { passed: true, message: `your model reproduces the reference in all ${options.cases.length} situations` };
}
