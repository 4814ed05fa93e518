// @pmxlab/server's public API.
export type { ComputedValue, TutorBackend, TutorExercise, TutorReply, TutorRequest, TutorRequestKind, TutorTurn } from "./tutor/types.js";
export { OfflineTutor, type OfflineTutorOptions } from "./llm/offline/index.js";
export { CourseIndex, passagesFromMarkdown, passagesFromNotebook, type CoursePassage, type RetrievedPassage } from "./retrieval/index.js";
export { loadCoursePassages } from "./retrieval/load-courses.js";
export { draftModel, OfflineDrafter, verifyModelText, type DraftAttempt, type DraftError, type DraftOptions, type DraftRequest, type DraftResult, type Drafter } from "./drafting/index.js";
export { readConfig, type ServerConfig } from "./config.js";
export { createService, type ServiceParts } from "./service.js";
export { openDatabase, type Database, type DatabaseKind, type DatabaseOptions, type OpenDatabase } from "./db/index.js";
export { Records, type CheckRecord, type ExchangeRecord } from "./records/index.js";
export { CourseSettingsStore, type CourseSettings, type CourseSettingsUpdate } from "./settings/index.js";
export { singleUser, type Identity, type IdentityProvider } from "./http/identity.js";
export { backendSelector, FallbackTutor, OpenAiTutor, upstreamFailure, type OpenAiTutorOptions } from "./llm/index.js";
export { checkNumbers, checkTool, ncaTool, simulateTool, type CheckLookup, type GroundingTool } from "./grounding/index.js";
export { checkLeak, refusal } from "./tutor/leak-guard.js";
export { courseSolutions, solutionCode, type Solution, type SolutionLookup } from "./tutor/solution.js";
