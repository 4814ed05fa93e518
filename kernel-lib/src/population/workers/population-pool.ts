import { PopulationError } from "../population-error.js";
import type { PopulationSimulation } from "../population-simulation.js";
import type { PopulationInput, PopulationOptions } from "../types.js";
import type { Model } from "../../model/types.js";
import { PopulationJob, type JobAnswer } from "./population-job.js";
import type { BandRequest, ChunkRequest, WorkerReply, WorkerRequest } from "./worker-messages.js";

/**
 * One worker as a pool sees it, whatever the platform (a Node worker thread, a web worker):
 * posting a request with the buffers to transfer, listening to replies and failures, stopping.
 */
export interface PopulationChannel {
  send(request: WorkerRequest, transfer: ArrayBuffer[]): void;
  /** Calls `onReply` for each reply and `onFailure` if the worker dies; returns the function that stops listening. */
  listen(onReply: (reply: WorkerReply) => void, onFailure: (error: Error) => void): () => void;
  close(): Promise<void>;
}

/**
 * Workers for population simulations, kept between runs: starting one loads the kernel (about
 * 1 s, mostly mathjs), so several populations pay it once. Runs one population at a time. The
 * main thread builds the plan, hands out chunks of `chunkSize` subjects with the random stream
 * state of each chunk's first subject, and collects results by subject index; the workers then
 * compute the percentile bands, each for a share of the times. Results are identical, bit for
 * bit, to `simulatePopulation` with the same seed, for any number of workers. The platform pools
 * (`PopulationWorkerPool` in `@pmxlab/kernel/node`, `PopulationWebWorkerPool` in
 * `@pmxlab/kernel/browser`) give it their workers as channels.
 *
 * @example
 * const pool = new PopulationPool(2, () => channelOf(startWorker()));
 * const pop = await pool.simulate("pk1cmt_iv", { regimen: "100 mg", times: [1, 2], n: 10000, omega: { CL: 0.09 } });
 * await pool.close();
 */
export class PopulationPool {
  private readonly channels: PopulationChannel[];
  private jobs = 0;
  private running = false;

  constructor(
    readonly size: number,
    startWorker: () => PopulationChannel,
  ) {
    if (!(Number.isInteger(size) && size >= 1)) throw new PopulationError(`workers = ${size}: must be a whole number ≥ 1`);
    this.channels = Array.from({ length: size }, startWorker);
  }

  /** `simulatePopulation` on the pool's workers; `onProgress` is called in this thread as chunks come back. */
  async simulate(model: Model | string, input: PopulationInput, options: PopulationOptions = {}): Promise<PopulationSimulation> {
    if (this.running) throw new PopulationError("this pool is already running a population; await it or make another pool");
    if (typeof options.method === "object") throw new PopulationError("an ODE algorithm object cannot be sent to workers; pass method as a string");
    const job = new PopulationJob(this.jobs++, model, input, options, this.channels.length);
    this.running = true;
    try {
      for (const channel of this.channels) channel.send(job.setup, []);
      await Promise.all(this.channels.map((channel) => serve(channel, job.job, () => job.nextChunk(), (answer) => job.collect(answer), 2)));
      // The percentile bands are computed on the workers too, each taking one share of the times.
      await Promise.all(this.channels.map((channel) => serve(channel, job.job, () => job.nextBands(), (answer) => job.collect(answer), 1)));
    } finally {
      // After a failure the other workers finish their current task and get no more.
      job.stop();
      this.running = false;
    }
    return job.result();
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await Promise.all(this.channels.map((channel) => channel.close()));
  }
}

/**
 * Feeds one worker the job's requests until none are left, passing each answer to `collect`,
 * with up to `ahead` requests in flight: with 2, the worker starts its next chunk while
 * this thread is still storing the previous one (1 for the band shares, one per worker).
 */
function serve(
  channel: PopulationChannel,
  job: number,
  nextRequest: () => ChunkRequest | BandRequest | undefined,
  collect: (answer: JobAnswer) => void,
  ahead: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let inFlight = 0;
    let settled = false;
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      stopListening();
      if (error) reject(error);
      else resolve();
    };
    const send = (): void => {
      const request = nextRequest();
      if (request) {
        inFlight++;
        channel.send(request, request.type === "bands" ? [request.values.buffer as ArrayBuffer] : []);
      } else if (inFlight === 0) finish();
    };
    const stopListening = channel.listen((reply) => {
      if (reply.job !== job) return;
      if ("error" in reply) finish(reply.name === "PopulationError" ? new PopulationError(reply.error) : new Error(reply.error));
      else {
        inFlight--;
        collect(reply);
        send();
      }
    }, finish);
    for (let i = 0; i < ahead; i++) send();
  });
}
