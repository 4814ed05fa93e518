export { classSummary, releaseExercises, type Cell, type ClassSummary } from "./class-summary.js";
export { gradebookCsv } from "./gradebook-csv.js";
export { classRoutes, type ClassRouteDeps } from "./class-routes.js";
