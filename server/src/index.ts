// @pmxlab/server's public API.
export type { ComputedValue, TutorBackend, TutorExercise, TutorReply, TutorRequest, TutorRequestKind, TutorTurn } from "./tutor/types.js";
export { OfflineTutor, type OfflineTutorOptions } from "./llm/offline/index.js";
export { CourseIndex, passagesFromMarkdown, passagesFromNotebook, type CoursePassage, type RetrievedPassage } from "./retrieval/index.js";
export { loadCoursePassages } from "./retrieval/load-courses.js";
export { draftModel, OfflineDrafter, verifyModelText, type DraftAttempt, type DraftError, type DraftOptions, type DraftRequest, type DraftResult, type Drafter } from "./drafting/index.js";
