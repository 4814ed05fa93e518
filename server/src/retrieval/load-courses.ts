// Node only: reads the course notebooks from disk. The rest of retrieval takes passages.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Notebook } from "@pmxlab/kernel/exercise";
import { passagesFromNotebook, type CoursePassage } from "./passages.js";

/**
 * The student-visible passages of every `<coursesDir>/<course>/*.ipynb`, courses and
 * notebooks in name order. A notebook that is not valid JSON is an error naming the file.
 */
export function loadCoursePassages(coursesDir: string): CoursePassage[] {
  const passages: CoursePassage[] = [];
  for (const course of readdirSync(coursesDir).sort()) {
    const folder = join(coursesDir, course);
    if (!statSync(folder).isDirectory()) continue;
    for (const file of readdirSync(folder).filter((f) => f.endsWith(".ipynb")).sort()) {
      let notebook: Notebook;
      try {
        notebook = JSON.parse(readFileSync(join(folder, file), "utf8")) as Notebook;
      } catch (error) {
        throw new Error(`${join(folder, file)}: not a notebook (${(error as Error).message})`);
      }
      passages.push(...passagesFromNotebook(notebook, { course, notebook: file }));
    }
  }
  return passages;
}
