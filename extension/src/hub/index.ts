export { hubPlugin } from "./hubPlugin.js";
export { HubCommandIds } from "./commandIds.js";
export { classJson, classRequest, classServiceUrl, ownServer } from "./classService.js";
export { courseNotebook, feedbackNode, syncSummary, type Feedback, type FeedbackItem, type SyncReport } from "./courseFiles.js";
