import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { PopulationError } from "@pmxlab/kernel";
import type { Model, PopulationInput, PopulationOptions, PopulationSimulation } from "@pmxlab/kernel";
import { PopulationJob, type JobAnswer } from "./population-job.js";
import type { BandRequest, ChunkRequest, WorkerReply } from "./worker-messages.js";

/**
 * Worker threads for population simulations, kept between runs: starting a thread loads the
 * kernel (about 1 s, mostly mathjs), so a notebook that runs several populations pays it once.
 * Runs one population at a time. The main thread builds the plan, hands out chunks of
 * `chunkSize` subjects with the random stream state of each chunk's first subject, and
 * collects results by subject index; the threads then compute the percentile bands, each for a
 * share of the times. Results are identical, bit for bit, to
 * `simulatePopulation` with the same seed, for any number of threads.
 *
 * @example
 * const pool = new PopulationWorkerPool(2);
 * const pop = await pool.simulate("pk1cmt_iv", { regimen: "100 mg", times: [1, 2], n: 10000, omega: { CL: 0.09 } });
 * await pool.close();
 */
export class PopulationWorkerPool {
  private readonly threads: Worker[];
  private jobs = 0;
  private running = false;

  constructor(readonly size: number = availableParallelism()) {
    if (!(Number.isInteger(size) && size >= 1)) throw new PopulationError(`workers = ${size}: must be a whole number ≥ 1`);
    this.threads = Array.from({ length: size }, () => new Worker(join(__dirname, "population-worker.js")));
  }

  /** `simulatePopulation` on the pool's threads; `onProgress` is called in this thread as chunks come back. */
  async simulate(model: Model | string, input: PopulationInput, options: PopulationOptions = {}): Promise<PopulationSimulation> {
    if (this.running) throw new PopulationError("this PopulationWorkerPool is already running a population; await it or make another pool");
    if (typeof options.method === "object") throw new PopulationError("an ODE algorithm object cannot be sent to worker threads; pass method as a string");
    const job = new PopulationJob(this.jobs++, model, input, options, this.threads.length);
    this.running = true;
    try {
      for (const worker of this.threads) worker.postMessage(job.setup);
      await Promise.all(this.threads.map((worker) => serve(worker, job.job, () => job.nextChunk(), (answer) => job.collect(answer))));
      // The percentile bands are computed on the threads too, each taking a share of the times.
      await Promise.all(this.threads.map((worker) => serve(worker, job.job, () => job.nextBands(), (answer) => job.collect(answer))));
    } finally {
      // After a failure the other threads finish their current task and get no more.
      job.stop();
      this.running = false;
    }
    return job.result();
  }

  /** Stops the threads. */
  async close(): Promise<void> {
    await Promise.all(this.threads.map((worker) => worker.terminate()));
  }
}

/** Feeds one worker the job's requests until none are left, passing each answer to `collect`. */
function serve(worker: Worker, job: number, nextRequest: () => ChunkRequest | BandRequest | undefined, collect: (answer: JobAnswer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const finish = (error?: Error): void => {
      worker.off("message", onMessage).off("error", finish).off("exit", onExit);
      if (error) reject(error);
      else resolve();
    };
    const send = (): void => {
      const request = nextRequest();
      if (!request) finish();
      else if (request.type === "bands") worker.postMessage(request, [request.values.buffer as ArrayBuffer]);
      else worker.postMessage(request);
    };
    const onMessage = (reply: WorkerReply): void => {
      if (reply.job !== job) return;
      if ("error" in reply) finish(reply.name === "PopulationError" ? new PopulationError(reply.error) : new Error(reply.error));
      else {
        collect(reply);
        send();
      }
    };
    const onExit = (code: number): void => finish(new Error(`population worker stopped with exit code ${code}`));
    worker.on("message", onMessage).on("error", finish).on("exit", onExit);
    send();
  });
}
