import { PopulationPool } from "@pmxlab/kernel";
import type { PopulationChannel, WorkerReply } from "@pmxlab/kernel";

/**
 * Web workers for population simulations, kept between runs (see `PopulationPool` for how a run
 * is shared out): results are identical, bit for bit, to `simulatePopulation` with the same seed,
 * for any number of workers. `startWorker` starts one worker running
 * `@pmxlab/kernel/browser/worker`; written as below, bundlers (Vite, webpack 5, esbuild) find and
 * bundle the worker script.
 *
 * @example
 * const pool = new PopulationWebWorkerPool(() => new Worker(new URL("@pmxlab/kernel/browser/worker", import.meta.url), { type: "module" }), 2);
 * const pop = await pool.simulate("pk1cmt_iv", { regimen: "100 mg", times: [1, 2], n: 10000, omega: { CL: 0.09 } }, { onProgress: (done, total) => console.log(done, total) });
 * await pool.close();
 */
export class PopulationWebWorkerPool extends PopulationPool {
  /** `size` defaults to the browser's logical processors (`navigator.hardwareConcurrency`). */
  constructor(startWorker: () => Worker, size: number = navigator.hardwareConcurrency || 1) {
    super(size, () => webWorkerChannel(startWorker()));
  }
}

function webWorkerChannel(worker: Worker): PopulationChannel {
  return {
    send: (request, transfer) => worker.postMessage(request, transfer),
    listen(onReply, onFailure) {
      const onMessage = (event: MessageEvent<WorkerReply>): void => onReply(event.data);
      // A module that fails to load or throws at the top level reports here, often without a message.
      const onError = (event: ErrorEvent): void => onFailure(new Error(`population web worker failed: ${event.message || "the worker script did not load"}`));
      const onMessageError = (): void => onFailure(new Error("population web worker: a reply could not be read"));
      worker.addEventListener("message", onMessage);
      worker.addEventListener("error", onError);
      worker.addEventListener("messageerror", onMessageError);
      return () => {
        worker.removeEventListener("message", onMessage);
        worker.removeEventListener("error", onError);
        worker.removeEventListener("messageerror", onMessageError);
      };
    },
    close: async () => worker.terminate(),
  };
}
