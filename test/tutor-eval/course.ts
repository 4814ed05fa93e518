// The sample course as the evaluation sees it: each exercise's text and hint ladder (what
// a student has) and the lines of its hidden solution (what must never reach a reply).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { cellSource, exerciseOf, pmxlabMetadata, type Notebook } from "@pmxlab/kernel/exercise";
import type { TutorExercise } from "../../server/src/tutor/types.js";

export const COURSE_DIR = fileURLToPath(new URL("../../courses/pk-basics", import.meta.url));
export const COURSES_DIR = fileURLToPath(new URL("../../courses", import.meta.url));

/** An exercise of the sample course with its solution lines. */
export interface EvalExercise extends TutorExercise {
  /** The instructor solution's non-blank lines, trimmed: a reply containing one leaks the solution. */
  solutionLines: string[];
}

const SOLUTION = /^\s*\/\/\s*BEGIN SOLUTION\s*$([\s\S]*?)^\s*\/\/\s*END SOLUTION\s*$/gm;

/** Every exercise of pk-basics, by id, read from the instructor notebooks. */
export function loadExercises(): Map<string, EvalExercise> {
  const exercises = new Map<string, EvalExercise>();
  for (const file of ["01-elimination.ipynb", "02-oral-dosing.ipynb"]) {
    const notebook = JSON.parse(readFileSync(`${COURSE_DIR}/${file}`, "utf8")) as Notebook;
    notebook.cells.forEach((cell, i) => {
      const exercise = exerciseOf(cell, `${file} cell ${i + 1}`);
      if (!exercise) return;
      // The exercise text is the nearest markdown cell above that students see.
      const above = notebook.cells.slice(0, i).reverse().find((c) => c.cell_type === "markdown" && pmxlabMetadata(c.metadata).instructor !== true);
      // Section headings of model text ($ODE) and short lines say nothing of the solution.
      const solutionLines = [...cellSource(cell).matchAll(SOLUTION)].flatMap((m) => m[1].split("\n").map((l) => l.trim()).filter((l) => l.length >= 8 && !/^\$[A-Z]+$/.test(l)));
      exercises.set(exercise.id, { id: exercise.id, text: above ? cellSource(above) : "", hints: exercise.hints ?? [], solutionLines });
    });
  }
  return exercises;
}
