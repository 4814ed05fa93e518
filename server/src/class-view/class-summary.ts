// The instructor's class view of one course: a student × exercise grid of progress and
// attempts (from the *Check* records), tutor use, the check items students fail most and the
// misconceptions the checks recognised, and the latest grades.
import { exerciseCells, type Notebook } from "@pmxlab/kernel/exercise";
import type { Kysely } from "kysely";
import type { CheckResult } from "@pmxlab/kernel/exercise";
import type { Database } from "../db/index.js";

export interface Cell {
  attempts: number;
  passed: boolean;
  /** The best score of any attempt (0–1). */
  bestScore: number;
}

export interface ClassSummary {
  course: string;
  /** The exercises of the latest release, in notebook order (then any others seen in the records). */
  exercises: string[];
  students: string[];
  grid: Record<string, Record<string, Cell>>;
  tutor: Record<string, { requests: number; hints: number }>;
  failingItems: { exercise: string; item: string; count: number }[];
  misconceptions: { exercise: string; misconception: string; count: number }[];
  grades: Record<string, { total: number; max: number }>;
}

/** The exercise ids of a release's notebooks, in order. */
export function releaseExercises(files: Map<string, Buffer>): string[] {
  return notebookExercises([...files].sort(([a], [b]) => (a < b ? -1 : 1)).filter(([path]) => path.endsWith(".ipynb")));
}

/** The exercise ids of notebooks (path and bytes), in the order given. */
export function notebookExercises(notebooks: [path: string, bytes: Buffer][]): string[] {
  return notebooks.flatMap(([path, bytes]) => exerciseCells(JSON.parse(bytes.toString("utf8")) as Notebook, path).map(({ exercise }) => exercise.id));
}

/**
 * The class summary of a course.
 *
 * @param roster the class's students (the hub's students group); students with records are added
 * @param exercises the course's exercise ids (releaseExercises), in the order to show
 * @param grades the latest grade of each student
 */
export async function classSummary(
  db: Kysely<Database>,
  course: string,
  roster: string[],
  exercises: string[],
  grades: Map<string, { total: number; max: number }>,
): Promise<ClassSummary> {
  const checks = await db.selectFrom("check_result").select(["user_id", "exercise", "passed", "score", "items"]).where("course", "=", course).orderBy("id").execute();
  const exchanges = await db.selectFrom("tutor_exchange").select(["user_id", "kind"]).where("course", "=", course).execute();
  const students = new Set(roster);
  const allExercises = [...exercises];
  const grid: ClassSummary["grid"] = Object.create(null);
  const failing = new Map<string, { exercise: string; item: string; count: number }>();
  const misconceptions = new Map<string, { exercise: string; misconception: string; count: number }>();
  for (const row of checks) {
    students.add(row.user_id);
    if (!allExercises.includes(row.exercise)) allExercises.push(row.exercise);
    const byExercise = (grid[row.user_id] ??= Object.create(null) as Record<string, Cell>);
    const cell = (byExercise[row.exercise] ??= { attempts: 0, passed: false, bestScore: 0 });
    cell.attempts++;
    cell.passed ||= row.passed === 1;
    cell.bestScore = Math.max(cell.bestScore, Number(row.score));
    for (const item of JSON.parse(row.items) as CheckResult["items"]) {
      if (item.passed) continue;
      const key = `${row.exercise}\u0000${item.name}`;
      const f = failing.get(key) ?? { exercise: row.exercise, item: item.name, count: 0 };
      f.count++;
      failing.set(key, f);
      if (item.misconception) {
        const mk = `${row.exercise}\u0000${item.misconception}`;
        const m = misconceptions.get(mk) ?? { exercise: row.exercise, misconception: item.misconception, count: 0 };
        m.count++;
        misconceptions.set(mk, m);
      }
    }
  }
  const tutor: ClassSummary["tutor"] = Object.create(null);
  for (const row of exchanges) {
    students.add(row.user_id);
    const t = (tutor[row.user_id] ??= { requests: 0, hints: 0 });
    t.requests++;
    if (row.kind === "hint") t.hints++;
  }
  const gradeRecord: ClassSummary["grades"] = Object.create(null);
  for (const [user, g] of grades) {
    students.add(user);
    gradeRecord[user] = { total: g.total, max: g.max };
  }
  const byCount = <T extends { count: number }>(a: T, b: T) => b.count - a.count;
  return {
    course,
    exercises: allExercises,
    students: [...students].sort(),
    grid,
    tutor,
    failingItems: [...failing.values()].sort(byCount).slice(0, 20),
    misconceptions: [...misconceptions.values()].sort(byCount).slice(0, 20),
    grades: gradeRecord,
  };
}
