// Worker thread of PopulationWorkerPool: builds each job's plan from its setup, then simulates
// the chunks it is sent and posts their results back (typed arrays transferred, not copied).
import { parentPort } from "node:worker_threads";
import { bandQuantiles, getModel, parseModel, planPopulation, RandomStream, simulateChunk } from "@pmxlab/kernel";
import type { ChunkResult, PopulationPlan } from "@pmxlab/kernel";
import type { BandRequest, ChunkRequest, JobSetup, WorkerReply } from "./worker-messages.js";

const port = parentPort;
if (!port) throw new Error("population-worker.js runs as a worker thread of PopulationWorkerPool");

let current: { job: number; plan?: PopulationPlan; error?: Error } = { job: -1 };

port.on("message", (message: JobSetup | ChunkRequest | BandRequest) => {
  if (message.type === "setup") {
    current = { job: message.job };
    try {
      const model = "name" in message.model ? getModel(message.model.name) : parseModel(message.model.source);
      current.plan = planPopulation(model, message.input, message.options);
    } catch (e) {
      current.error = e as Error;
    }
    return;
  }
  let reply: WorkerReply;
  try {
    if (message.type === "bands") {
      reply = { job: message.job, k0: message.k0, bands: bandQuantiles(message.values, message.subjects, message.quantiles) };
    } else {
      if (message.job !== current.job) throw new Error(`population worker: chunk of job ${message.job} before its setup`);
      if (!current.plan) throw current.error;
      reply = { job: message.job, chunk: simulateChunk(current.plan, message.first, message.count, RandomStream.fromState(message.state)) };
    }
  } catch (e) {
    reply = { job: message.job, error: (e as Error).message, name: (e as Error).name };
  }
  port.postMessage(reply, transferables(reply));
});

function transferables(reply: WorkerReply): ArrayBuffer[] {
  const arrays = "chunk" in reply ? chunkArrays(reply.chunk) : "bands" in reply ? reply.bands : [];
  // The same array may serve twice (values and ipred); a buffer can be transferred once.
  return [...new Set(arrays.flatMap((a) => (a ? [a.buffer as ArrayBuffer] : [])))];
}

function chunkArrays(chunk: ChunkResult): (Float64Array | undefined)[] {
  return [chunk.values, chunk.metrics, chunk.parameters, chunk.ipred, chunk.dv];
}
