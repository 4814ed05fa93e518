// Grading jobs in the class database, so that how the last grading of a course ended
// outlives the service: after a restart GET /grading still answers, and a job the restart
// cut short says so instead of being forgotten.
import type { Kysely, Selectable } from "kysely";
import type { Database } from "../db/index.js";

export interface GradingJob {
  job: string;
  course: string;
  status: "running" | "done" | "failed";
  by: string;
  started: string;
  finished?: string;
  students: number;
  error?: string;
}

export class GradingJobStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async add(job: GradingJob): Promise<void> {
    await this.db
      .insertInto("grading_job")
      .values({ job: job.job, course: job.course, status: job.status, by_user: job.by, started: job.started, finished: job.finished ?? null, students: job.students, error: job.error ?? null })
      .execute();
  }

  /** Writes a job's progress: status, students, finished, error. */
  async update(job: GradingJob): Promise<void> {
    await this.db
      .updateTable("grading_job")
      .set({ status: job.status, students: job.students, finished: job.finished ?? null, error: job.error ?? null })
      .where("job", "=", job.job)
      .execute();
  }

  /** The latest job of a course. */
  async latest(course: string): Promise<GradingJob | undefined> {
    const row = await this.db.selectFrom("grading_job").selectAll().where("course", "=", course).orderBy("id", "desc").limit(1).executeTakeFirst();
    return row ? toJob(row) : undefined;
  }

  /**
   * Marks every job still `running` as failed with `error`: at start-up, those are jobs a
   * previous run of the service did not finish (its grading child died with it). Returns them.
   */
  async interruptRunning(error: string): Promise<GradingJob[]> {
    const running = await this.db.selectFrom("grading_job").selectAll().where("status", "=", "running").execute();
    if (running.length === 0) return [];
    const finished = this.now().toISOString();
    await this.db.updateTable("grading_job").set({ status: "failed", finished, error }).where("status", "=", "running").execute();
    return running.map((row) => ({ ...toJob(row), status: "failed" as const, finished, error }));
  }
}

function toJob(row: Selectable<Database["grading_job"]>): GradingJob {
  return {
    job: row.job,
    course: row.course,
    status: row.status as GradingJob["status"],
    by: row.by_user,
    started: row.started,
    ...(row.finished === null ? {} : { finished: row.finished }),
    students: Number(row.students),
    ...(row.error === null ? {} : { error: row.error }),
  };
}
