import { modelReference, populationWork, preferWorkers, simulatePopulation } from "@pmxlab/kernel";
import type { Model, PopulationInput, PopulationOptions, PopulationSimulation } from "@pmxlab/kernel";
import { PopulationWorkerPool } from "./population-worker-pool.js";

/** Options of {@link simulatePopulationParallel}: those of `simulatePopulation` plus the threads to use. */
export interface ParallelPopulationOptions extends PopulationOptions {
  /**
   * Worker threads for this run; ignored with `pool`. "auto" (default): in-process when the
   * run's work (subjects × output times, an ODE subject counting 20) is at most 1e7, which takes
   * less time in-process than the threads take to start; otherwise the machine's available
   * parallelism. A number forces that many threads; 0 runs in-process.
   */
  workers?: number | "auto";
  /** An existing pool to run on (its threads are already started and stay open). */
  pool?: PopulationWorkerPool;
}

/**
 * `simulatePopulation` across worker threads (Node only), identical bit for bit to the
 * single-threaded run with the same seed. Without `pool`, starts `workers` threads for this run
 * and stops them after (see {@link PopulationWorkerPool}), unless the run is too small to repay
 * their start: with `workers: "auto"` (the default) a run of at most 1e7 subject-times
 * (`populationWork`) stays in-process. The model must be a library name or
 * have source text (from `parseModel`).
 *
 * @example
 * const { simulatePopulationParallel } = require("@pmxlab/kernel/node");
 * const pop = await simulatePopulationParallel("pk1cmt_iv", { regimen: "100 mg", times: [1, 2], n: 10000, omega: { CL: 0.09 } },
 *   { workers: 2, summaries: { percentiles: true } });
 */
export async function simulatePopulationParallel(
  model: Model | string,
  input: PopulationInput,
  options: ParallelPopulationOptions = {},
): Promise<PopulationSimulation> {
  const { workers = "auto", pool, ...rest } = options;
  if (pool) return pool.simulate(model, input, rest);
  modelReference(model); // fails before any thread starts
  if (workers === 0 || (workers === "auto" && !preferWorkers(populationWork(model, input, rest)))) {
    return simulatePopulation(model, input, rest);
  }
  const own = new PopulationWorkerPool(workers === "auto" ? undefined : workers);
  try {
    return await own.simulate(model, input, rest);
  } finally {
    await own.close();
  }
}
