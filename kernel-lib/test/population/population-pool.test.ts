import { describe, expect, it } from "vitest";
import { simulatePopulation } from "../../src/population/index.js";
import { answerPopulationMessage, PopulationPool, type PopulationChannel, type PopulationWorkerState, type WorkerReply, type WorkerRequest } from "../../src/population/workers/index.js";
import { TWO_DAYS } from "./fixtures.js";

/** A worker in this thread: answers each request on a later turn, as a real one does, and logs what it was sent. */
function inProcessChannel(log: WorkerRequest["type"][]): PopulationChannel {
  const state: PopulationWorkerState = {};
  const listeners = new Set<(reply: WorkerReply) => void>();
  return {
    send(request) {
      log.push(request.type);
      setTimeout(() => {
        const answer = answerPopulationMessage(state, request);
        if (answer) for (const listener of [...listeners]) listener(answer.reply);
      }, 0);
    },
    listen(onReply) {
      listeners.add(onReply);
      return () => listeners.delete(onReply);
    },
    close: async () => undefined,
  };
}

describe("PopulationPool (the job protocol, workers in this thread)", () => {
  it("hands each worker chunks and exactly one share of the percentile bands, and equals the single-threaded run", async () => {
    const logs: WorkerRequest["type"][][] = [[], []];
    let started = 0;
    const pool = new PopulationPool(2, () => inProcessChannel(logs[started++]));
    const input = { ...TWO_DAYS, n: 300, seed: 5 };
    const options = { summaries: { percentiles: true }, chunkSize: 50 };
    const pooled = await pool.simulate("pk2cmt_oral", input, options);
    const single = simulatePopulation("pk2cmt_oral", input, options);
    expect(pooled.percentiles).toEqual(single.percentiles);
    for (const log of logs) {
      expect(log.filter((type) => type === "bands")).toHaveLength(1);
      expect(log.filter((type) => type === "chunk").length).toBeGreaterThan(0);
    }
    expect(logs.flat().filter((type) => type === "chunk")).toHaveLength(6);
    await pool.close();
  });
});
