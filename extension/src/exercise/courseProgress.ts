/** One notebook of a course as `course.json` lists it. */
export interface CourseNotebook {
  file: string;
  title: string;
  objectives: string[];
  /** Earlier notebooks ("pk-basics/01-elimination.ipynb") or skills to have first. */
  prerequisites: string[];
}

/** A course folder's `course.json`. */
export interface CourseInfo {
  /** The course's place in the catalogue; undefined for a course.json without one (listed last). */
  order: number | undefined;
  title: string;
  description: string;
  notebooks: CourseNotebook[];
}

/** A student's progress in one notebook, from the check results saved in it. */
export interface NotebookProgress {
  exercises: number;
  passed: number;
  points: number;
  earned: number;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** Reads `course.json`; throws naming what is missing. */
export function parseCourseInfo(value: unknown, where: string): CourseInfo {
  const v = value as { order?: unknown; title?: unknown; description?: unknown; notebooks?: unknown };
  if (typeof v?.title !== "string" || !Array.isArray(v.notebooks)) throw new Error(`${where}: a course.json needs a title and a list of notebooks`);
  const notebooks = v.notebooks.map((n: { file?: unknown; title?: unknown; objectives?: unknown; prerequisites?: unknown }, i: number) => {
    if (typeof n?.file !== "string") throw new Error(`${where}: notebooks[${i}] needs a file`);
    return { file: n.file, title: typeof n.title === "string" ? n.title : n.file, objectives: strings(n.objectives), prerequisites: strings(n.prerequisites) };
  });
  const order = typeof v.order === "number" && Number.isFinite(v.order) ? v.order : undefined;
  return { order, title: v.title, description: typeof v.description === "string" ? v.description : "", notebooks };
}

/**
 * Courses in catalogue order (as courses/README.md lists them): by `order`, courses without
 * one last, ties by folder name. A student's own course folder need not have an order.
 */
export function sortCourses<T extends { dir: string; info: CourseInfo }>(courses: readonly T[]): T[] {
  const rank = (c: T): number => c.info.order ?? Number.POSITIVE_INFINITY;
  return [...courses].sort((a, b) => rank(a) - rank(b) || (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
}

/**
 * Progress in a notebook (nbformat JSON): its exercise cells (`pmxlab.exercise`), how many
 * have a passing saved check (`pmxlab.check.result.passed`), and points earned as
 * points × score of the last check.
 */
export function notebookProgress(notebook: unknown): NotebookProgress {
  const cells = (notebook as { cells?: { metadata?: { pmxlab?: { exercise?: { points?: unknown }; check?: { result?: { passed?: unknown; score?: unknown } } } } }[] })?.cells ?? [];
  const progress: NotebookProgress = { exercises: 0, passed: 0, points: 0, earned: 0 };
  for (const cell of cells) {
    const pmxlab = cell.metadata?.pmxlab;
    if (!pmxlab?.exercise) continue;
    const points = typeof pmxlab.exercise.points === "number" ? pmxlab.exercise.points : 0;
    const score = typeof pmxlab.check?.result?.score === "number" ? pmxlab.check.result.score : 0;
    progress.exercises++;
    progress.points += points;
    progress.earned += points * score;
    if (pmxlab.check?.result?.passed === true) progress.passed++;
  }
  return progress;
}
