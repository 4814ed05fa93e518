export { CourseSettingsStore, type CourseSettings, type CourseSettingsUpdate } from "./course-settings.js";
