// @pmxlab/kernel/node — Node-only additions (worker threads) to the core library.
export { simulatePopulationParallel } from "./simulate-population-parallel.js";
export type { ParallelPopulationOptions } from "./simulate-population-parallel.js";
export { PopulationWorkerPool } from "./population-worker-pool.js";
export { readShippedDataset, shippedDatasetPath } from "./shipped-datasets.js";
