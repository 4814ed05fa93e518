import { cellSource, exerciseCells, pmxlabMetadata, type Notebook, type NotebookCell } from "./notebook.js";
import { stubSolutions } from "./solution-stub.js";

/**
 * The student version of an instructor notebook (what `pmxlab release` writes): solutions
 * stubbed, outputs, execution counts and check results cleared, instructor-only cells
 * (`pmxlab.instructor: true`) removed, and the notebook's exercise ids recorded in
 * `metadata.pmxlab.exercises` so a deleted exercise cell can be reported later.
 */
export function studentVersion(notebook: Notebook, name: string): Notebook {
  const ids = exerciseCells(notebook, name).map((c) => c.exercise.id);
  const cells = notebook.cells
    .filter((cell) => pmxlabMetadata(cell.metadata).instructor !== true)
    .map((cell, index) => studentCell(cell, `${name} cell ${index + 1}`));
  const metadata = { ...notebook.metadata, pmxlab: { ...pmxlabMetadata(notebook.metadata), exercises: ids } };
  return { ...notebook, metadata, cells };
}

function studentCell(cell: NotebookCell, where: string): NotebookCell {
  const { check: _check, ...pmxlab } = pmxlabMetadata(cell.metadata);
  const metadata: Record<string, unknown> = { ...cell.metadata };
  if (Object.keys(pmxlab).length > 0) metadata.pmxlab = pmxlab;
  else delete metadata.pmxlab;
  delete metadata.execution;
  if (cell.cell_type !== "code") return { ...cell, metadata };
  return { ...cell, metadata, source: stubSolutions(cellSource(cell), where), outputs: [], execution_count: null };
}

const HIDDEN_BEGIN = /^\s*\/\/\s*BEGIN HIDDEN\s*$/;
const HIDDEN_END = /^\s*\/\/\s*END HIDDEN\s*$/;

/**
 * A course's checks module without its hidden items: the lines between `// BEGIN HIDDEN`
 * and `// END HIDDEN` (whole check items, marked `hidden: true`) are left out of what
 * students get; grading runs the course's own module, with them.
 */
export function withoutHiddenChecks(source: string, where = "checks module"): string {
  const out: string[] = [];
  let open = -1;
  source.split("\n").forEach((line, i) => {
    if (HIDDEN_BEGIN.test(line)) {
      if (open >= 0) throw new Error(`${where} line ${i + 1}: BEGIN HIDDEN inside another hidden block (line ${open + 1})`);
      open = i;
    } else if (HIDDEN_END.test(line)) {
      if (open < 0) throw new Error(`${where} line ${i + 1}: END HIDDEN without BEGIN HIDDEN`);
      open = -1;
    } else if (open < 0) out.push(line);
  });
  if (open >= 0) throw new Error(`${where} line ${open + 1}: BEGIN HIDDEN is never closed by END HIDDEN`);
  return out.join("\n");
}
