// Verification of drafted model text with @pmxlab/kernel: compile (which also checks every
// equation's units), refuse unit warnings, then a smoke simulation of one dose.
import { parseModel, simulate, type Model } from "@pmxlab/kernel";
import type { DraftError, SmokeRun } from "./types.js";

/** Messages of the model compiler that are about units rather than syntax or names. */
const UNIT_MESSAGE = /\bhas unit\b|\bunit "|\bscales differ\b|\bunit of\b|\bdimensionless\b|\bno unit given\b/;

/** The verdict on one model text. */
export interface Verification {
  errors: DraftError[];
  model?: Model;
  smoke?: SmokeRun;
}

/** The regimen that smoke-tests a model: one dose by its first route (an infusion when asked). */
export function smokeRegimen(model: Model, infusion: boolean): string {
  const route = model.routes?.[0]?.route;
  const amount = infusion ? "100 mg over 1 h" : "100 mg";
  return route ? `${amount} ${route}` : amount;
}

/**
 * Compiles `text`, refuses conversion warnings (a unit conversion written as a parameter of
 * value 1, say), and simulates one dose for `end` model time units: the run must succeed,
 * every output must stay finite, and the first output must become positive (the dose
 * reached the model).
 */
export function verifyModelText(text: string, options: { infusion?: boolean; end?: number } = {}): Verification {
  let model: Model;
  try {
    model = parseModel(text);
  } catch (error) {
    const message = (error as Error).message;
    return { errors: [{ stage: UNIT_MESSAGE.test(message) ? "units" : "compile", message }] };
  }
  const warnings = model.warnings ?? [];
  if (warnings.length > 0) return { errors: warnings.map((message) => ({ stage: "units", message })) };
  const regimen = smokeRegimen(model, options.infusion ?? false);
  const end = options.end ?? 48;
  try {
    const sim = simulate(model, { regimen, times: { end, step: end / 96 } });
    if (sim.status !== "success") return { errors: [{ stage: "simulate", message: `${regimen}: the solver stopped (${sim.status}): ${sim.message}` }] };
    for (const output of model.outputs) {
      const values = sim.outputs[output.name];
      const bad = values.findIndex((v) => !Number.isFinite(v));
      if (bad >= 0) return { errors: [{ stage: "simulate", message: `${regimen}: output ${output.name} is ${values[bad]} at t = ${sim.time[bad]} ${model.timeUnit}` }] };
    }
    const first = model.outputs[0];
    const peak = Math.max(...sim.outputs[first.name]);
    if (!(peak > 0)) return { errors: [{ stage: "simulate", message: `${regimen}: output ${first.name} never rises above 0, so the dose does not reach it` }] };
    return { errors: [], model, smoke: { regimen, end, output: first.name, peak, unit: first.unit } };
  } catch (error) {
    return { errors: [{ stage: "simulate", message: `${regimen}: ${(error as Error).message}` }] };
  }
}
