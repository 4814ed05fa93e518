// The offline tutor: deterministic, pure TypeScript, no language model.
export { OfflineTutor, type OfflineTutorOptions } from "./offline-tutor.js";
export { ERROR_CATALOGUE, matchError, type ErrorContext, type ErrorEntry, type ErrorMatch } from "./error-catalogue.js";
export { CONCEPT_NOTES } from "./concepts.js";
export { asksForAnswer } from "./answer-seeking.js";
