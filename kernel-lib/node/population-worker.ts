// Worker thread of PopulationWorkerPool: answers the pool's messages (see answerPopulationMessage),
// transferring the result arrays rather than copying them.
import { parentPort } from "node:worker_threads";
import { answerPopulationMessage } from "@pmxlab/kernel";
import type { PopulationWorkerState, WorkerRequest } from "@pmxlab/kernel";

const port = parentPort;
if (!port) throw new Error("population-worker.js runs as a worker thread of PopulationWorkerPool");

const state: PopulationWorkerState = {};
port.on("message", (message: WorkerRequest) => {
  const answer = answerPopulationMessage(state, message);
  if (answer) port.postMessage(answer.reply, answer.transfer);
});
