export { tutorPlugin } from "./tutorPlugin.js";
export { TutorCommandIds } from "./commandIds.js";
export { TutorView } from "./TutorView.js";
export { readTutorState, type StoredTurn, type TutorState } from "./conversation.js";
export { replyHtml } from "./markdown.js";
export { askTutorServer, readEvents, type TutorReplyJson } from "./tutorClient.js";
export { tutorRequestBody, courseOf, type AskKind } from "./tutorContext.js";
