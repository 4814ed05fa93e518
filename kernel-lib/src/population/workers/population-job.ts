import { PopulationAccumulator } from "../population-accumulator.js";
import { planPopulation, type PopulationPlan } from "../population-plan.js";
import type { PopulationSimulation } from "../population-simulation.js";
import type { PopulationInput, PopulationOptions } from "../types.js";
import type { Model } from "../../model/types.js";
import { modelReference } from "./model-reference.js";
import type { BandRequest, ChunkRequest, JobSetup, WorkerReply } from "./worker-messages.js";

/** A worker's answer that is not an error. */
export type JobAnswer = Exclude<WorkerReply, { error: string }>;

/**
 * One population run as the main thread of a worker pool sees it: the plan, the chunk requests
 * handed out in subject order (each with the random state of its first subject, the stream
 * jumping past the chunk as it is handed out), then one band request per share of the times,
 * and the answers collected by subject index and time index.
 *
 * @example
 * const job = new PopulationJob(0, "pk1cmt_iv", input, options, 2);
 * for (let r; (r = job.nextChunk()); ) job.collect(runInWorker(r));
 */
export class PopulationJob {
  readonly plan: PopulationPlan;
  readonly setup: JobSetup;
  private readonly accumulator: PopulationAccumulator;
  private readonly bands: Float64Array[];
  private readonly onProgress: PopulationOptions["onProgress"];
  private next = 0;
  private nextShare = 0;
  private stopped = false;

  constructor(
    readonly job: number,
    model: Model | string,
    input: PopulationInput,
    options: PopulationOptions,
    threads: number,
  ) {
    const { onProgress, ...rest } = options;
    this.onProgress = onProgress;
    const reference = modelReference(model);
    this.plan = planPopulation(model, input, rest);
    this.setup = { type: "setup", job, model: reference, input: this.plan.input, options: rest };
    this.accumulator = new PopulationAccumulator(this.plan, threads);
    const T = this.plan.times.length;
    this.bands = (this.plan.percentiles?.quantiles ?? []).map(() => new Float64Array(T));
  }

  /** The next chunk to simulate, or undefined when all are handed out (or the job stopped). */
  nextChunk(): ChunkRequest | undefined {
    const { plan } = this;
    if (this.stopped || this.next >= plan.total) return undefined;
    const count = Math.min(plan.chunkSize, plan.total - this.next);
    const request: ChunkRequest = { type: "chunk", job: this.job, first: this.next, count, state: plan.subjectStreams.state() };
    plan.subjectStreams.skipSubstreams(count);
    this.next += count;
    return request;
  }

  /** The next share of times whose percentile bands a thread should compute (after all chunks are in); its values go with it. */
  nextBands(): BandRequest | undefined {
    const { plan } = this;
    const share = this.accumulator.bandShares()[this.nextShare];
    if (this.stopped || !plan.percentiles || !share) return undefined;
    this.nextShare++;
    return { type: "bands", job: this.job, k0: share.k0, values: share.values, subjects: plan.total, quantiles: plan.percentiles.quantiles };
  }

  collect(answer: JobAnswer): void {
    if ("chunk" in answer) {
      this.accumulator.add(answer.chunk);
      this.onProgress?.(this.accumulator.count, this.plan.total);
    } else answer.bands.forEach((band, q) => this.bands[q].set(band, answer.k0));
  }

  /** Hands out nothing more (after a failure). */
  stop(): void {
    this.stopped = true;
  }

  result(): PopulationSimulation {
    return this.accumulator.finish(this.plan.percentiles ? this.bands : undefined);
  }
}
