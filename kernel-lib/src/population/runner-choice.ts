import type { Model } from "../model/types.js";
import { planPopulation } from "./population-plan.js";
import type { PopulationInput, PopulationOptions } from "./types.js";

/**
 * Work (subjects × output times, an ODE subject counting 20) above which worker threads pay
 * off. Measured on the reference workload (pk2cmt_oral closed form, 337 times): in-process
 * about 0.56 s per 10,000 subjects (3.4e6 subject-times) on a quiet machine, while starting the
 * threads costs about 1 s each, in parallel (loading the kernel, mostly mathjs), and 2,000
 * subjects took 5.1 s cold on two workers against 0.47 s in-process; break-even is near 1e7.
 */
export const WORKER_THRESHOLD = 1e7;

/** How much slower an ODE subject is than a closed-form one, roughly (adaptive steps, restarts at doses). */
const ODE_FACTOR = 20;

/**
 * The work of a population run in closed-form subject-times: n × replicates × output times,
 * times 20 when the model is solved by the ODE solver (not linear, or `method` not closed form).
 *
 * @example
 * populationWork("pk2cmt_oral", { regimen: "100 mg q12h x 28", times: { end: 336, step: 1 }, n: 2000 }); // 674,000
 */
export function populationWork(model: Model | string, input: PopulationInput, options: PopulationOptions = {}): number {
  const { onProgress: _progress, summaries: _summaries, ...rest } = options;
  const plan = planPopulation(model, input, rest);
  const method = options.method ?? "auto";
  const closedForm = plan.model.linear && (method === "auto" || method === "closed-form");
  return plan.total * plan.times.length * (closedForm ? 1 : ODE_FACTOR);
}

/**
 * Whether a run should go to worker threads started for it: only when its work
 * (`populationWork`) exceeds {@link WORKER_THRESHOLD}, i.e. when it would take longer
 * in-process than the threads take to start.
 */
export function preferWorkers(work: number): boolean {
  return work > WORKER_THRESHOLD;
}
