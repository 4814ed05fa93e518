export { PopulationPool } from "./population-pool.js";
export type { PopulationChannel } from "./population-pool.js";
export { answerPopulationMessage } from "./answer-population-message.js";
export type { PopulationWorkerAnswer, PopulationWorkerState } from "./answer-population-message.js";
export { modelReference } from "./model-reference.js";
export type { ModelReference } from "./model-reference.js";
export type { BandRequest, ChunkRequest, JobSetup, WorkerReply, WorkerRequest } from "./worker-messages.js";
