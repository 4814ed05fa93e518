import type { ChunkResult, PlainPopulationInput, PopulationOptions } from "../types.js";
import type { ModelReference } from "./model-reference.js";

/** Starts job `job` on a worker: enough to build the same plan as the main thread. */
export interface JobSetup {
  type: "setup";
  job: number;
  model: ModelReference;
  input: PlainPopulationInput;
  options: Omit<PopulationOptions, "onProgress">;
}

/** A chunk of job `job` to simulate: subjects first + 1 … first + count, the random stream positioned at the first one. */
export interface ChunkRequest {
  type: "chunk";
  job: number;
  first: number;
  count: number;
  state: number[];
}

/** Percentile bands of job `job` at times k0 …: time-major values of all subjects, to reduce to quantiles. */
export interface BandRequest {
  type: "bands";
  job: number;
  k0: number;
  values: Float64Array | Float32Array;
  subjects: number;
  quantiles: number[];
}

/** Any message the main thread sends a population worker. */
export type WorkerRequest = JobSetup | ChunkRequest | BandRequest;

/** A worker's answer: a chunk's results, bands (`bands[q][k − k0]`), or the error that stopped it. */
export type WorkerReply =
  | { job: number; chunk: ChunkResult }
  | { job: number; k0: number; bands: Float64Array[] }
  | { job: number; error: string; name: string };
