export { SubmissionStore, type SubmissionInfo } from "./submission-store.js";
export { GradeStore, type StudentGrade } from "./grade-store.js";
export { GradingJobs, INTERRUPTED, readGrades, type GradingOptions } from "./grading.js";
export { GradingJobStore, type GradingJob } from "./grading-job-store.js";
export { parseFeedback, type ExerciseFeedback, type FeedbackItem } from "./feedback-markdown.js";
export { runIsolated, systemUser, type IsolatedResult, type IsolatedRun } from "./isolated-run.js";
export { submissionRoutes, type SubmissionRouteDeps } from "./submission-routes.js";
