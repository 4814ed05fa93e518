// Instructor settings per course, enforced by the server (never by the browser): exam mode
// (tutor off), a hint budget per exercise, and the model the gateway uses for the course.
import type { Kysely } from "kysely";
import type { Database } from "../db/index.js";

export interface CourseSettings {
  course: string;
  /** Exam mode: every tutor request of the course is refused. */
  tutorOff: boolean;
  /** The chat model for this course; undefined: the deployment's PMXLAB_LLM_MODEL. */
  model?: string;
  /** Exercise id → hints a student may get on it; an exercise not listed has no limit. */
  hintBudgets: Record<string, number>;
}

/** What an instructor may change; fields left out keep their value. */
export type CourseSettingsUpdate = Partial<Omit<CourseSettings, "course">>;

/** Reads and writes course settings; a course never configured has the defaults (tutor on, no budgets). */
export class CourseSettingsStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async get(course: string): Promise<CourseSettings> {
    const row = await this.db.selectFrom("course_settings").selectAll().where("course", "=", course).executeTakeFirst();
    if (!row) return { course, tutorOff: false, hintBudgets: Object.create(null) as Record<string, number> };
    const settings: CourseSettings = { course, tutorOff: row.tutor_off === 1, hintBudgets: budgets(row.hint_budgets) };
    if (row.model !== null) settings.model = row.model;
    return settings;
  }

  async update(course: string, change: CourseSettingsUpdate): Promise<CourseSettings> {
    const next = { ...(await this.get(course)), ...change };
    const row = {
      course,
      tutor_off: next.tutorOff ? 1 : 0,
      model: next.model ?? null,
      hint_budgets: JSON.stringify(next.hintBudgets),
      updated_at: this.now().toISOString(),
    };
    await this.db
      .insertInto("course_settings")
      .values(row)
      .onConflict((oc) => oc.column("course").doUpdateSet({ tutor_off: row.tutor_off, model: row.model, hint_budgets: row.hint_budgets, updated_at: row.updated_at }))
      .execute();
    return this.get(course);
  }
}

// Exercise ids are author-chosen names: kept in a prototype-free object.
function budgets(json: string): Record<string, number> {
  const out = Object.create(null) as Record<string, number>;
  for (const [id, n] of Object.entries(JSON.parse(json) as Record<string, number>)) out[id] = n;
  return out;
}
