export { exercisePlugin } from "./exercisePlugin.js";
export { ExerciseCommandIds } from "./commandIds.js";
export { ExerciseView, type ExerciseViewModel } from "./ExerciseView.js";
export { readCheckState, type CheckState } from "./checkState.js";
export { coursePanelPlugin } from "./coursePanelPlugin.js";
export { notebookProgress, parseCourseInfo, type CourseInfo, type NotebookProgress } from "./courseProgress.js";
