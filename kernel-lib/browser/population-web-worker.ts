// Module web worker of PopulationWebWorkerPool (`@pmxlab/kernel/browser/worker`): answers the
// pool's messages (see answerPopulationMessage), transferring the result arrays rather than copying them.
import { answerPopulationMessage } from "@pmxlab/kernel";
import type { PopulationWorkerState, WorkerRequest } from "@pmxlab/kernel";

const state: PopulationWorkerState = {};
self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const answer = answerPopulationMessage(state, event.data);
  if (answer) self.postMessage(answer.reply, { transfer: answer.transfer });
};
