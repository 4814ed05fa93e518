import type { Model } from "../model/types.js";
import { PopulationAccumulator } from "./population-accumulator.js";
import { planPopulation } from "./population-plan.js";
import type { PopulationSimulation } from "./population-simulation.js";
import { simulateChunk } from "./simulate-chunk.js";
import type { PopulationInput, PopulationOptions } from "./types.js";

/**
 * Simulates n virtual subjects (per replicate) of a model under a regimen: individual
 * parameters from OMEGA (log-normal, normal or logit-normal ETAs), optional THETA uncertainty
 * per replicate, residual error (SIGMA) giving DV. Subjects run in chunks of `chunkSize`
 * through `simulate()` (closed form for linear models), and only the requested summaries are
 * kept — percentile bands by time and probabilities of target attainment — so 100,000
 * subjects fit in memory. The same seed gives the same result, bit for bit, as
 * `simulatePopulationParallel` from `@pmxlab/kernel/node` with any number of workers.
 *
 * @example
 * const pop = simulatePopulation("pk2cmt_oral", {
 *   regimen: "100 mg q12h x 28", times: { end: 336, step: 1 }, n: 1000, seed: 7,
 *   params: { KA: 1, CL: 5, V1: 50, Q: 2, V2: 100 },
 *   omega: { names: ["CL", "V1", "KA"], matrix: [[0.09], [0.03, 0.09], [0, 0, 0.09]] },
 *   sigma: { proportional: 0.01 },
 * }, { summaries: { percentiles: true, attainment: [{ kind: "concentration", time: 336, atLeast: [0.5, 1] }] } });
 * pop.percentiles.values[1]; // median DV by time
 * pop.attainment[0].probability; // P(C(336 h) ≥ 0.5), P(C(336 h) ≥ 1)
 */
export function simulatePopulation(model: Model | string, input: PopulationInput, options: PopulationOptions = {}): PopulationSimulation {
  const plan = planPopulation(model, input, options);
  const accumulator = new PopulationAccumulator(plan);
  for (let first = 0; first < plan.total; first += plan.chunkSize) {
    const count = Math.min(plan.chunkSize, plan.total - first);
    accumulator.add(simulateChunk(plan, first, count, plan.subjectStreams));
    options.onProgress?.(accumulator.count, plan.total);
  }
  return accumulator.finish();
}
