// Grades with their per-item feedback, one row per student per grading job.
import type { Kysely } from "kysely";
import type { Database } from "../db/index.js";
import type { ExerciseFeedback } from "./feedback-markdown.js";

export interface StudentGrade {
  user: string;
  course: string;
  job: string;
  at: string;
  total: number;
  max: number;
  notes: string;
  exercises: ExerciseFeedback[];
  markdown: string;
}

export class GradeStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async save(job: string, course: string, grades: Omit<StudentGrade, "job" | "course" | "at">[]): Promise<void> {
    if (grades.length === 0) return;
    const at = this.now().toISOString();
    await this.db
      .insertInto("grade")
      .values(grades.map((g) => ({ job, at, course, user_id: g.user, total: g.total, max: g.max, notes: g.notes, exercises: JSON.stringify(g.exercises), markdown: g.markdown })))
      .execute();
  }

  /** A user's latest grade in a course. */
  async latest(course: string, user: string): Promise<StudentGrade | undefined> {
    const row = await this.db.selectFrom("grade").selectAll().where("course", "=", course).where("user_id", "=", user).orderBy("id", "desc").limit(1).executeTakeFirst();
    return row ? toGrade(row) : undefined;
  }

  /** Every student's latest grade in a course. */
  async latestAll(course: string): Promise<Map<string, StudentGrade>> {
    const rows = await this.db.selectFrom("grade").selectAll().where("course", "=", course).orderBy("id").execute();
    return new Map(rows.map((r) => [r.user_id, toGrade(r)]));
  }
}

function toGrade(row: { user_id: string; course: string; job: string; at: string; total: number; max: number; notes: string; exercises: string; markdown: string }): StudentGrade {
  return { user: row.user_id, course: row.course, job: row.job, at: row.at, total: Number(row.total), max: Number(row.max), notes: row.notes, exercises: JSON.parse(row.exercises) as ExerciseFeedback[], markdown: row.markdown };
}
