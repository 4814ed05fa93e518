import { modelReference } from "@pmxlab/kernel";
import type { Model, PopulationInput, PopulationOptions, PopulationSimulation } from "@pmxlab/kernel";
import { PopulationWorkerPool } from "./population-worker-pool.js";

/** Options of {@link simulatePopulationParallel}: those of `simulatePopulation` plus the threads to use. */
export interface ParallelPopulationOptions extends PopulationOptions {
  /** Worker threads for this run (default: the machine's available parallelism); ignored with `pool`. */
  workers?: number;
  /** An existing pool to run on (its threads are already started and stay open). */
  pool?: PopulationWorkerPool;
}

/**
 * `simulatePopulation` across worker threads (Node only), identical bit for bit to the
 * single-threaded run with the same seed. Without `pool`, starts `workers` threads for this run
 * and stops them after; see {@link PopulationWorkerPool}. The model must be a library name or
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
  const { workers, pool, ...rest } = options;
  if (pool) return pool.simulate(model, input, rest);
  modelReference(model); // fails before any thread starts
  const own = new PopulationWorkerPool(workers);
  try {
    return await own.simulate(model, input, rest);
  } finally {
    await own.close();
  }
}
