// The exercises of a course that has no release yet: read from the instructor versions in the
// service's courses folder, in the order of the course's course.json, so the class view shows
// its columns before the first release (records of *Check* can come from a copy of the course).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { notebookExercises } from "./class-summary.js";

/**
 * The exercise ids of `coursesDir/<course>`: its notebooks in course.json's `notebooks` order
 * (all `*.ipynb` by name when course.json lists none); [] when the course has no folder with a
 * course.json. A broken course.json or notebook throws (the class view logs it and shows no columns).
 *
 * @example courseExercises("courses", "pk-basics").slice(0, 2) // ["pk-basics/half-life", "pk-basics/auc"]
 */
export function courseExercises(coursesDir: string, course: string): string[] {
  const dir = join(coursesDir, course);
  if (!existsSync(join(dir, "course.json"))) return [];
  const listed = (JSON.parse(readFileSync(join(dir, "course.json"), "utf8")) as { notebooks?: { file?: unknown }[] }).notebooks ?? [];
  // Names only: course.json may not point outside the course's folder.
  const files = listed.map((n) => String(n.file)).filter((file) => file.endsWith(".ipynb") && basename(file) === file);
  const notebooks = files.length > 0 ? files : readdirSync(dir).filter((file) => file.endsWith(".ipynb")).sort();
  return notebookExercises(notebooks.map((file) => [file, readFileSync(join(dir, file))]));
}
