// Students' submitted notebooks, per user: a student reads only their own (the routes ask
// for the caller's name), the grader reads the latest of each notebook of each student.
import type { Kysely } from "kysely";
import type { Database } from "../db/index.js";

export interface SubmissionInfo {
  id: number;
  notebook: string;
  at: string;
  bytes: number;
}

export class SubmissionStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async add(user: string, course: string, notebook: string, content: string): Promise<SubmissionInfo & { course: string }> {
    const at = this.now().toISOString();
    const { id } = await this.db.insertInto("submission").values({ at, user_id: user, course, notebook, content }).returning("id").executeTakeFirstOrThrow();
    return { id, course, notebook, at, bytes: Buffer.byteLength(content) };
  }

  /** One user's submissions of a course, newest first. */
  async list(user: string, course: string): Promise<SubmissionInfo[]> {
    const rows = await this.db.selectFrom("submission").select(["id", "notebook", "at", "content"]).where("user_id", "=", user).where("course", "=", course).orderBy("id", "desc").execute();
    return rows.map((r) => ({ id: r.id, notebook: r.notebook, at: r.at, bytes: Buffer.byteLength(r.content) }));
  }

  /** The latest submission of each notebook of each student of a course. */
  async latest(course: string): Promise<{ user: string; notebook: string; content: string }[]> {
    const rows = await this.db.selectFrom("submission").select(["id", "user_id", "notebook", "content"]).where("course", "=", course).orderBy("id").execute();
    const latest = new Map<string, { user: string; notebook: string; content: string }>();
    for (const r of rows) latest.set(`${r.user_id}\u0000${r.notebook}`, { user: r.user_id, notebook: r.notebook, content: r.content });
    return [...latest.values()];
  }
}
