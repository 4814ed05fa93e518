// The reference solution of an exercise, as the server knows it: kept for the leak guard
// only, never put into a prompt.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { cellSource, exerciseCells, type Notebook } from "@pmxlab/kernel/exercise";

export interface Solution {
  /** The code between `// BEGIN SOLUTION` and `// END SOLUTION` in the instructor notebook. */
  code: string;
  /** The answer values (e.g. the half-life the check expects), when the course states them. */
  values: { value: number; unit: string }[];
}

/** Finds an exercise's solution by its `pmxlab.exercise.id`; undefined when unknown. */
export type SolutionLookup = (exerciseId: string) => Solution | undefined;

const BEGIN = /^\s*\/\/\s*BEGIN SOLUTION\s*$/;
const END = /^\s*\/\/\s*END SOLUTION\s*$/;

/** The solution lines of an exercise cell's source (empty when it has none). */
export function solutionCode(source: string): string {
  const out: string[] = [];
  let inside = false;
  for (const line of source.split("\n")) {
    if (BEGIN.test(line)) inside = true;
    else if (END.test(line)) inside = false;
    else if (inside) out.push(line);
  }
  return out.join("\n");
}

/**
 * The solutions of every instructor notebook under a courses folder (e.g. the repo's
 * `courses/`), read once. Answer values are not in the notebooks (checks compute them), so
 * `values` is empty here; the code is what the guard compares replies with.
 */
export function courseSolutions(coursesDir: string): SolutionLookup {
  const found = new Map<string, Solution>();
  for (const file of notebooksUnder(coursesDir)) {
    const notebook = JSON.parse(readFileSync(file, "utf8")) as Notebook;
    for (const { index, exercise } of exerciseCells(notebook, file)) {
      const code = solutionCode(cellSource(notebook.cells[index]!));
      if (code !== "") found.set(exercise.id, { code, values: [] });
    }
  }
  return (id) => found.get(id);
}

function notebooksUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...notebooksUnder(path));
    else if (name.endsWith(".ipynb")) out.push(path);
  }
  return out;
}

/**
 * `solutions` with each exercise's answer values filled in by `values` (e.g. what its check
 * expects, `expectedValues`), computed on first use and kept.
 */
export function withAnswerValues(solutions: SolutionLookup, values: (exerciseId: string) => Solution["values"]): SolutionLookup {
  const done = new Map<string, Solution | undefined>();
  return (id) => {
    if (!done.has(id)) {
      const solution = solutions(id);
      done.set(id, solution && { ...solution, values: [...solution.values, ...values(id)] });
    }
    return done.get(id);
  };
}
