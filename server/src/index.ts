// @pmxlab/server's public API.
export type { ComputedValue, TutorBackend, TutorExercise, TutorReply, TutorRequest, TutorRequestKind, TutorTurn } from "./tutor/types.js";
