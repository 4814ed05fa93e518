import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { PopulationPool } from "@pmxlab/kernel";
import type { PopulationChannel } from "@pmxlab/kernel";

/**
 * Worker threads for population simulations, kept between runs (see `PopulationPool` for how a
 * run is shared out): results are identical, bit for bit, to `simulatePopulation` with the same
 * seed, for any number of threads.
 *
 * @example
 * const pool = new PopulationWorkerPool(2);
 * const pop = await pool.simulate("pk1cmt_iv", { regimen: "100 mg", times: [1, 2], n: 10000, omega: { CL: 0.09 } });
 * await pool.close();
 */
export class PopulationWorkerPool extends PopulationPool {
  constructor(size: number = availableParallelism()) {
    super(size, () => threadChannel(new Worker(join(__dirname, "population-worker.js"))));
  }
}

function threadChannel(worker: Worker): PopulationChannel {
  return {
    send: (request, transfer) => worker.postMessage(request, transfer),
    listen(onReply, onFailure) {
      const onExit = (code: number): void => onFailure(new Error(`population worker stopped with exit code ${code}`));
      worker.on("message", onReply).on("error", onFailure).on("exit", onExit);
      return () => void worker.off("message", onReply).off("error", onFailure).off("exit", onExit);
    },
    close: async () => void (await worker.terminate()),
  };
}
