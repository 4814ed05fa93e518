import { readFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import {
  asNotebook,
  CHECK_MIME,
  cellSource,
  checkCellCode,
  exerciseCells,
  exerciseProblems,
  releasedExerciseIds,
  type CheckReport,
  type CheckResult,
  type Exercise,
  type Notebook,
  type NotebookCell,
} from "@pmxlab/kernel/exercise";
import { runNotebook, type CellRun, type RunLimits } from "./notebook-runner.js";

/** The outcome of one exercise of a checked notebook. */
export interface ExerciseOutcome {
  id: string;
  check: string;
  points: number;
  /** 1-based cell number in the notebook, undefined when the exercise cell is missing. */
  cell?: number;
  result: CheckResult;
  /** What the student did to the exercise cell: "deleted", "duplicated", "metadata edited". */
  problems: string[];
}

/** One cell of a checked notebook. */
export interface CellOutcome {
  cell: number;
  status: CellRun["status"];
  seconds: number;
  /** The first line of the error, for cells that failed. */
  message?: string;
  exercise?: string;
}

export interface NotebookReport {
  notebook: string;
  cells: CellOutcome[];
  exercises: ExerciseOutcome[];
  /** Set when the run stopped early (kernel died, notebook time-out). */
  stopped: string | null;
}

export interface CheckNotebookOptions extends RunLimits {
  /** Import path of the checks module for the kernel (default "./checks", beside the notebook). */
  checksModule?: string;
  /** The instructor's exercises of this notebook (grading): ids, checks and points are taken from here. */
  expected?: readonly Exercise[];
  /** Time allowed for each check item, ms. */
  checkTimeoutMs?: number;
}

export function readNotebook(path: string): Notebook {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`${path}: not a readable notebook (${(error as Error).message})`);
  }
  return asNotebook(value, path);
}

function failure(name: string, message: string): CheckResult {
  return { passed: false, score: 0, items: [{ name, passed: false, message }] };
}

function outputText(run: CellRun): string | undefined {
  for (const o of run.outputs) {
    if (o.output_type === "error") return `${o.ename}: ${o.evalue}`;
    if (o.output_type === "stream" && o.name === "stderr") {
      // tslab prints a type error as "line:col - message", a thrown error as its stack, led by vm lines.
      const lines = (Array.isArray(o.text) ? o.text.join("") : (o.text ?? "")).trim().split("\n");
      return lines.find((l) => /\d+:\d+ - |Error\b/.test(l)) ?? lines[0];
    }
  }
  return undefined;
}

/**
 * Runs a notebook headless in the tslab kernel with a check cell after each exercise (the
 * last cell carrying its id) and reports every cell and every exercise. Deleted exercises
 * (expected ids without a cell), duplicated ones and edited exercise metadata are reported
 * as problems; a deleted one scores 0.
 */
export async function checkNotebook(path: string, options: CheckNotebookOptions): Promise<NotebookReport> {
  const notebook = readNotebook(path);
  const name = basename(path);
  const found = exerciseCells(notebook, name);
  const expected = options.expected ?? found.map((c) => c.exercise);
  const expectedIds = options.expected ? expected.map((e) => e.id) : (releasedExerciseIds(notebook) ?? expected.map((e) => e.id));
  const { duplicated, missing } = exerciseProblems(found, expectedIds);
  const spec = new Map<string, Exercise>();
  for (const e of [...found.map((c) => c.exercise), ...expected]) spec.set(e.id, e);
  const lastCell = new Map<string, number>();
  for (const c of found) lastCell.set(c.exercise.id, c.index);

  // The notebook to run: every cell, and after each exercise's last cell its check.
  const cells: NotebookCell[] = [];
  const origin: (number | string)[] = [];
  notebook.cells.forEach((cell, index) => {
    // Jupyter saves sources as lists of lines; nbclient (nbformat.from_dict) expects text.
    cells.push({ ...cell, source: cellSource(cell), outputs: [], execution_count: null });
    origin.push(index);
    for (const [id, last] of lastCell) {
      if (last !== index || !spec.has(id)) continue;
      const exercise = spec.get(id)!;
      cells.push({ cell_type: "code", metadata: {}, source: checkCellCode(exercise, { checksModule: options.checksModule ?? "./checks", timeoutMs: options.checkTimeoutMs }), outputs: [], execution_count: null });
      origin.push(id);
    }
  });
  const run = await runNotebook({ ...notebook, cells }, dirname(resolve(path)), options);

  const cellOutcomes: CellOutcome[] = [];
  const results = new Map<string, CheckResult>();
  run.cells.forEach((cellRun, i) => {
    const from = origin[i];
    if (typeof from === "string") {
      const data = cellRun.outputs.find((o) => o.data?.[CHECK_MIME])?.data?.[CHECK_MIME] as CheckReport | undefined;
      results.set(from, data?.result ?? failure("check", cellRun.status === "not-run" ? `the check did not run: ${run.stopped ?? "an earlier cell stopped the notebook"}` : `the check could not run: ${outputText(cellRun) ?? cellRun.status}`));
      return;
    }
    const exercise = found.find((c) => c.index === from)?.exercise.id;
    const outcome: CellOutcome = { cell: from + 1, status: cellRun.status, seconds: cellRun.seconds };
    if (cellRun.status !== "ok") outcome.message = cellRun.status === "timeout" ? `timed out after ${options.cellTimeout} s` : (outputText(cellRun) ?? cellRun.status);
    if (exercise) outcome.exercise = exercise;
    if (notebook.cells[from].cell_type === "code") cellOutcomes.push(outcome);
  });

  const exercises: ExerciseOutcome[] = [];
  for (const id of new Set([...expectedIds, ...found.map((c) => c.exercise.id)])) {
    const e = spec.get(id)!;
    const problems: string[] = [];
    if (missing.includes(id)) problems.push("deleted: no cell has this exercise id (the cell was deleted or its metadata removed)");
    if (duplicated.includes(id)) problems.push("duplicated: more than one cell has this exercise id; the last one was checked");
    const mine = found.filter((c) => c.exercise.id === id).map((c) => c.exercise);
    if (options.expected && mine.some((m) => m.check !== e.check || m.points !== e.points)) problems.push("metadata edited: the exercise's check or points differ from the course's (the course's were used)");
    const result = results.get(id) ?? failure("exercise cell", `exercise ${id} is missing from the notebook`);
    exercises.push({ id, check: e.check, points: e.points, cell: lastCell.has(id) ? lastCell.get(id)! + 1 : undefined, result, problems });
  }
  return { notebook: path, cells: cellOutcomes, exercises, stopped: run.stopped };
}

/** True when every cell ran without error and every exercise passed without problems. */
export function notebookPassed(report: NotebookReport): boolean {
  return report.stopped === null && report.cells.every((c) => c.status === "ok") && report.exercises.every((e) => e.result.passed && e.problems.length === 0);
}
