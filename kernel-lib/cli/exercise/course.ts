import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { exerciseCells, type Exercise } from "@pmxlab/kernel/exercise";
import { UsageError } from "../usage-error.js";
import { readNotebook } from "./notebook-check.js";

/** A course folder: its notebooks (relative paths) with their exercises, and its checks module. */
export interface Course {
  dir: string;
  /** Relative paths of every file, notebooks included, sorted. */
  files: string[];
  notebooks: Map<string, Exercise[]>;
  checksFile: string;
}

/** The course at `pathOrName`: a folder, or the name of a folder of `courses/` in the working directory. */
export function resolveCourse(pathOrName: string): string {
  for (const candidate of [pathOrName, join("courses", pathOrName)]) {
    if (existsSync(candidate) && statSync(candidate).isDirectory()) return resolve(candidate);
  }
  throw new UsageError(`course not found: ${pathOrName} (a folder, or a folder of courses/)`);
}

function listFiles(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith(".") && entry.name !== "node_modules")
    .flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name), root) : [relative(root, join(dir, entry.name))]))
    .sort();
}

/**
 * Reads a course and validates its exercises: well-formed metadata, ids unique across the
 * course, and every `check` exported by `checks.ts` (an `export const NAME`). Errors name
 * the notebook and cell.
 */
export function readCourse(dir: string): Course {
  const checksFile = join(dir, "checks.ts");
  if (!existsSync(checksFile)) throw new Error(`${dir}: a course needs a checks module, checks.ts`);
  const checksSource = readFileSync(checksFile, "utf8");
  const files = listFiles(dir);
  const notebooks = new Map<string, Exercise[]>();
  const seen = new Map<string, string>();
  for (const file of files.filter((f) => f.endsWith(".ipynb"))) {
    const exercises = exerciseCells(readNotebook(join(dir, file)), file).map((c) => c.exercise);
    for (const e of exercises) {
      if (seen.has(e.id)) throw new Error(`${file}: exercise id "${e.id}" is also used in ${seen.get(e.id)}; ids are unique in a course`);
      seen.set(e.id, file);
      if (!new RegExp(`export\\s+const\\s+${e.check.replace(/\$/g, "\\$")}\\b`).test(checksSource)) {
        throw new Error(`${file}: exercise "${e.id}" names check "${e.check}", which checks.ts does not export`);
      }
    }
    notebooks.set(file, exercises);
  }
  return { dir, files, notebooks, checksFile };
}
