// Model drafting: words → verified pmxlab model text, through a pluggable drafter.
export type { DraftAttempt, DraftError, DraftRequest, DraftResult, DraftStage, Drafter, SmokeRun } from "./types.js";
export { draftModel, type DraftOptions } from "./draft-loop.js";
export { verifyModelText, smokeRegimen, type Verification } from "./verify-model.js";
export { OfflineDrafter } from "./offline-drafter.js";
export { readModelSpec, type ModelSpec } from "./model-spec.js";
export { assembleModel } from "./assemble-model.js";
export { modelTextOf, OpenAiDrafter, type OpenAiDrafterOptions } from "./openai-drafter.js";
export { draftingService, type DraftAnswer } from "./drafting-service.js";
