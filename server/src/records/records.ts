// Writes and reads the records the instructor view is built on: tutor exchanges and *Check*
// results. Message text is stored only when the deployment allows it.
import type { Kysely } from "kysely";
import type { CheckResult } from "@pmxlab/kernel/exercise";
import type { Database } from "../db/index.js";

/** A tutor exchange to record. `question`/`reply` are dropped unless `recordText` is on. */
export interface ExchangeRecord {
  user: string;
  course: string;
  exercise?: string;
  kind: string;
  attempt: number;
  hintLevel: number;
  backend: string;
  notice?: string;
  tokens?: { prompt: number; completion: number };
  latencyMs: number;
  question: string;
  reply: string;
}

/** A *Check* result to record, as the extension reports it after running the check. */
export interface CheckRecord {
  user: string;
  course: string;
  exercise: string;
  attempt: number;
  result: CheckResult;
  latencyMs?: number;
}

/** The record store over one open database. */
export class Records {
  constructor(
    private readonly db: Kysely<Database>,
    /** PMXLAB_RECORD_TEXT: keep the question and reply text (default on). */
    private readonly recordText: boolean,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async addExchange(r: ExchangeRecord): Promise<void> {
    await this.db
      .insertInto("tutor_exchange")
      .values({
        at: this.now().toISOString(),
        user_id: r.user,
        course: r.course,
        exercise: r.exercise ?? null,
        kind: r.kind,
        attempt: r.attempt,
        hint_level: r.hintLevel,
        backend: r.backend,
        notice: r.notice ?? null,
        prompt_tokens: r.tokens?.prompt ?? null,
        completion_tokens: r.tokens?.completion ?? null,
        latency_ms: Math.round(r.latencyMs),
        question: this.recordText ? r.question : null,
        reply: this.recordText ? r.reply : null,
      })
      .execute();
  }

  async addCheck(r: CheckRecord): Promise<void> {
    await this.db
      .insertInto("check_result")
      .values({
        at: this.now().toISOString(),
        user_id: r.user,
        course: r.course,
        exercise: r.exercise,
        attempt: r.attempt,
        passed: r.result.passed ? 1 : 0,
        score: r.result.score,
        items: JSON.stringify(r.result.items),
        latency_ms: r.latencyMs === undefined ? null : Math.round(r.latencyMs),
      })
      .execute();
  }

  /** The exchanges of one user and exercise, oldest first. */
  async exchanges(user: string, course: string, exercise?: string) {
    let q = this.db.selectFrom("tutor_exchange").selectAll().where("user_id", "=", user).where("course", "=", course);
    if (exercise !== undefined) q = q.where("exercise", "=", exercise);
    return q.orderBy("id").execute();
  }

  /** The check results of one user and exercise, oldest first, with items parsed. */
  async checks(user: string, course: string, exercise: string) {
    const rows = await this.db
      .selectFrom("check_result")
      .selectAll()
      .where("user_id", "=", user)
      .where("course", "=", course)
      .where("exercise", "=", exercise)
      .orderBy("id")
      .execute();
    return rows.map((row) => ({ ...row, passed: row.passed === 1, items: JSON.parse(row.items) as CheckResult["items"] }));
  }

  /** How many hints (kind "hint") this user has been given on an exercise: what a hint budget counts. */
  async hintsGiven(user: string, course: string, exercise: string): Promise<number> {
    const row = await this.db
      .selectFrom("tutor_exchange")
      .select((eb) => eb.fn.countAll<number | string | bigint>().as("n"))
      .where("user_id", "=", user)
      .where("course", "=", course)
      .where("exercise", "=", exercise)
      .where("kind", "=", "hint")
      .executeTakeFirstOrThrow();
    // PostgreSQL's count is a bigint, which pg returns as a string.
    return Number(row.n);
  }
}
