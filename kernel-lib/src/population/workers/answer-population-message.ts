import { getModel } from "../../library/index.js";
import { parseModel } from "../../model/index.js";
import { RandomStream } from "../../random/random-stream.js";
import { bandQuantiles } from "../band-quantiles.js";
import { planPopulation, type PopulationPlan } from "../population-plan.js";
import { simulateChunk } from "../simulate-chunk.js";
import type { ChunkResult } from "../types.js";
import type { WorkerReply, WorkerRequest } from "./worker-messages.js";

/** What a population worker remembers between messages: the current job and its plan (or why it has none). */
export interface PopulationWorkerState {
  job?: number;
  plan?: PopulationPlan;
  error?: Error;
}

/** A reply to post back to the main thread, with the buffers to transfer rather than copy. */
export interface PopulationWorkerAnswer {
  reply: WorkerReply;
  transfer: ArrayBuffer[];
}

/**
 * The work of a population worker, whatever runs it (a Node worker thread or a web worker):
 * a setup builds the job's plan into `state` and has no reply (a failure is kept and reported
 * at the job's first chunk); a chunk is simulated from its random state; a band request is
 * reduced to quantiles. Errors become error replies, so the worker itself never fails.
 *
 * @example
 * const state: PopulationWorkerState = {};
 * onmessage = ({ data }) => {
 *   const answer = answerPopulationMessage(state, data);
 *   if (answer) postMessage(answer.reply, { transfer: answer.transfer });
 * };
 */
export function answerPopulationMessage(state: PopulationWorkerState, message: WorkerRequest): PopulationWorkerAnswer | undefined {
  if (message.type === "setup") {
    Object.assign(state, { job: message.job, plan: undefined, error: undefined });
    try {
      const model = "name" in message.model ? getModel(message.model.name) : parseModel(message.model.source);
      state.plan = planPopulation(model, message.input, message.options);
    } catch (e) {
      state.error = e as Error;
    }
    return undefined;
  }
  let reply: WorkerReply;
  try {
    if (message.type === "bands") {
      reply = { job: message.job, k0: message.k0, bands: bandQuantiles(message.values, message.subjects, message.quantiles) };
    } else {
      if (message.job !== state.job) throw new Error(`population worker: chunk of job ${message.job} before its setup`);
      if (!state.plan) throw state.error;
      reply = { job: message.job, chunk: simulateChunk(state.plan, message.first, message.count, RandomStream.fromState(message.state)) };
    }
  } catch (e) {
    reply = { job: message.job, error: (e as Error).message, name: (e as Error).name };
  }
  return { reply, transfer: transferables(reply) };
}

function transferables(reply: WorkerReply): ArrayBuffer[] {
  const arrays = "chunk" in reply ? chunkArrays(reply.chunk) : "bands" in reply ? reply.bands : [];
  // The same array may serve twice (values and ipred); a buffer can be transferred once.
  return [...new Set(arrays.flatMap((a) => (a ? [a.buffer as ArrayBuffer] : [])))];
}

function chunkArrays(chunk: ChunkResult): (Float64Array | undefined)[] {
  return [chunk.values, chunk.metrics, chunk.parameters, chunk.ipred, chunk.dv];
}
