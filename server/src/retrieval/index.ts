// Retrieval of course passages (pure TypeScript); loadCoursePassages reads them from disk (Node).
export { passagesFromMarkdown, passagesFromNotebook, type CoursePassage } from "./passages.js";
export { CourseIndex, type RetrievedPassage } from "./course-index.js";
