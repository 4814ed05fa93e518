import { z } from "zod";

/** The exercise metadata of a code cell (`metadata.pmxlab.exercise`), DESIGN.md "Notebook exercises". */
export interface Exercise {
  /** Stable and unique in a course, e.g. "pk-basics/half-life". */
  id: string;
  points: number;
  /** The name of the check exported by the course's checks module. */
  check: string;
  /** The hint ladder: concept → where to look → a near step. */
  hints?: string[];
}

/** The parts of an nbformat 4 cell pmxlab reads and writes. */
export interface NotebookCell {
  cell_type: "code" | "markdown" | "raw";
  id?: string;
  source: string | string[];
  metadata: Record<string, unknown>;
  outputs?: unknown[];
  execution_count?: number | null;
  attachments?: unknown;
}

/** An nbformat 4 notebook. */
export interface Notebook {
  cells: NotebookCell[];
  metadata: Record<string, unknown>;
  nbformat: number;
  nbformat_minor: number;
}

/** What an exercise id may be (`pmxlab.exercise.id`, e.g. "pk-basics/half-life"): letters, digits, _ . / -, starting with a letter or digit. */
export const EXERCISE_ID = /^[A-Za-z0-9][A-Za-z0-9_.\/-]*$/;

const exerciseSchema = z.strictObject({
  id: z.string().regex(EXERCISE_ID, "letters, digits and _ . / - only"),
  points: z.number().finite().nonnegative(),
  check: z.string().regex(/^[A-Za-z_$][A-Za-z0-9_$]*$/, "the name of an export of the checks module"),
  hints: z.array(z.string()).optional(),
});

const metadata = z.record(z.string(), z.unknown());
const cellSchema = z.looseObject({
  cell_type: z.enum(["code", "markdown", "raw"]),
  source: z.union([z.string(), z.array(z.string())]),
  metadata,
});
/** An nbformat 4 notebook in the parts pmxlab reads (other fields kept): see {@link asNotebook}. */
export const notebookSchema = z.looseObject({ cells: z.array(cellSchema), metadata, nbformat: z.number().int().min(4) });

/**
 * Checks that `value` (parsed JSON) is an nbformat 4 notebook in the parts pmxlab reads —
 * cells with a `cell_type`, a `source` (text or lines) and `metadata`, the notebook's own
 * `metadata` — so that a broken file gives one message naming the cell and the field, not an
 * error from deep inside. `where` names the file.
 *
 * @example
 * asNotebook({ cells: [null], metadata: {}, nbformat: 4, nbformat_minor: 5 }, "a.ipynb");
 * // Error: a.ipynb: not a notebook: cell 1: Invalid input: expected object, received null
 */
export function asNotebook(value: unknown, where: string): Notebook {
  const parsed = notebookSchema.safeParse(value);
  if (parsed.success) return value as Notebook;
  const issue = parsed.error.issues[0]!;
  const [first, index, ...rest] = issue.path;
  const at = first === "cells" && typeof index === "number" ? [`cell ${index + 1}`, ...rest.map(String)] : issue.path.map(String);
  const field = at.length > 0 ? `${at[0]}${at.length > 1 ? `: ${at.slice(1).join(".")}` : ""}: ` : "";
  throw new Error(`${where}: not a notebook: ${field}${issue.message}`);
}

/** A cell's source as one string. */
export function cellSource(cell: NotebookCell): string {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source;
}

/** The `pmxlab` metadata object of a cell or notebook (empty when absent). */
export function pmxlabMetadata(metadata: Record<string, unknown> | undefined): Record<string, unknown> {
  const value = metadata?.pmxlab;
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * The exercise of a cell, undefined for a cell that is not one. Throws naming the cell
 * (`where`, e.g. "lesson.ipynb cell 4") and the field for malformed metadata.
 */
export function exerciseOf(cell: NotebookCell, where: string): Exercise | undefined {
  const value = pmxlabMetadata(cell.metadata).exercise;
  if (value === undefined) return undefined;
  if (cell.cell_type !== "code") throw new Error(`${where}: only a code cell can be an exercise`);
  const parsed = exerciseSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${where}: pmxlab.exercise${issue.path.length ? "." + issue.path.join(".") : ""}: ${issue.message}`);
  }
  return parsed.data;
}

/** An exercise and the index of its cell. */
export interface ExerciseCell {
  index: number;
  exercise: Exercise;
}

/** Every exercise cell of a notebook, in order (duplicates included; see {@link exerciseProblems}). */
export function exerciseCells(notebook: Notebook, name: string): ExerciseCell[] {
  const found: ExerciseCell[] = [];
  notebook.cells.forEach((cell, index) => {
    const exercise = exerciseOf(cell, `${name} cell ${index + 1}`);
    if (exercise) found.push({ index, exercise });
  });
  return found;
}

/**
 * What students did to a notebook's exercises: ids that appear in more than one cell
 * (a duplicated cell) and ids expected but not found (a deleted cell, or its metadata
 * removed). `expected` is the instructor's list, or the notebook's own
 * `metadata.pmxlab.exercises` written by `pmxlab release`.
 */
export function exerciseProblems(cells: readonly ExerciseCell[], expected: readonly string[]): { duplicated: string[]; missing: string[] } {
  const count = new Map<string, number>();
  for (const { exercise } of cells) count.set(exercise.id, (count.get(exercise.id) ?? 0) + 1);
  return {
    duplicated: [...count].filter(([, n]) => n > 1).map(([id]) => id),
    missing: expected.filter((id) => !count.has(id)),
  };
}

/** The exercise ids a released notebook was given (`metadata.pmxlab.exercises`), or undefined. */
export function releasedExerciseIds(notebook: Notebook): string[] | undefined {
  const ids = pmxlabMetadata(notebook.metadata).exercises;
  return Array.isArray(ids) && ids.every((x) => typeof x === "string") ? (ids as string[]) : undefined;
}
