export { openDatabase, type DatabaseOptions, type OpenDatabase } from "./open.js";
export type { DatabaseKind } from "./migrations.js";
export type { CheckResultTable, CourseSettingsTable, Database, TutorExchangeTable } from "./schema.js";
