// Grading a class through the service: the latest submission of each notebook of each
// student is written into a fresh folder with a copy of the course, and `pmxlab grade` runs
// there as an isolated child (isolated-run.ts; as an unprivileged user when the service is
// root, so students' code can read neither the database nor the instructor's courses). The
// grades and each student's per-item feedback go to the database, and so does each job's
// status (grading-job-store.ts), which a restart of the service does not lose.
import { randomUUID } from "node:crypto";
import { chmodSync, cpSync, existsSync, lchownSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import Papa from "papaparse";
import { pmxlabCli } from "../courses-release/pmxlab-cli.js";
import type { Logger } from "../http/logger.js";
import { parseFeedback } from "./feedback-markdown.js";
import type { GradeStore, StudentGrade } from "./grade-store.js";
import type { GradingJob, GradingJobStore } from "./grading-job-store.js";
import { runIsolated, type IsolatedRun } from "./isolated-run.js";
import type { SubmissionStore } from "./submission-store.js";

export interface GradingOptions {
  /** The instructor versions of the courses (graded with their own checks, hidden items included). */
  coursesDir: string;
  /** The repository's node_modules, linked into the grading folder so the notebooks resolve @pmxlab/kernel. */
  nodeModules: string;
  /** Run as this user when the service is root (PMXLAB_GRADER_USER, default `nobody`). */
  as?: { uid: number; gid: number };
  /** The whole job's bound (default 30 min); the child's process group is killed after it. */
  timeoutMs?: number;
  /** Per notebook (pmxlab grade --timeout), per cell (--cell-timeout), kernel heap (--memory). */
  notebookTimeoutS?: number;
  cellTimeoutS?: number;
  memoryMb?: number;
  jobs?: number;
}

/** A folder name that is safe on disk: a hub user name as pmxlab grade's student folder. */
const SAFE_NAME = /^[\w@+-][\w.@+-]{0,99}$/;

/** What a job cut short by a stop of the service says after the restart. */
export const INTERRUPTED = "interrupted: the class service stopped while this grading ran; grades stored by earlier gradings are kept; grade again";

export class GradingJobs {
  /** Courses being graded by this process (the one service of the class database). */
  private readonly courses = new Set<string>();
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly submissions: SubmissionStore,
    private readonly grades: GradeStore,
    private readonly jobs: GradingJobStore,
    private readonly options: GradingOptions,
    private readonly log: Logger,
  ) {}

  /**
   * At start-up: a job the database still calls running was cut short by the service's
   * stop (its grading child went with it); it becomes failed with {@link INTERRUPTED}.
   */
  async recover(): Promise<void> {
    for (const job of await this.jobs.interruptRunning(INTERRUPTED)) this.log.warn({ course: job.course, job: job.job, started: job.started }, "grading interrupted by a stop of the service");
  }

  /** The latest job of a course, from the database (also one of an earlier run of the service). */
  status(course: string): Promise<GradingJob | undefined> {
    return this.jobs.latest(course);
  }

  /** Starts grading a course; undefined when a grading of it is already running. */
  async start(course: string, by: string): Promise<GradingJob | undefined> {
    if (this.courses.has(course)) return undefined;
    this.courses.add(course);
    const job: GradingJob = { job: randomUUID(), course, status: "running", by, started: new Date().toISOString(), students: 0 };
    try {
      await this.jobs.add(job);
    } catch (error) {
      this.courses.delete(course);
      throw error;
    }
    const done = this.run(job).finally(() => {
      this.courses.delete(course);
      this.running.delete(done);
    });
    this.running.add(done);
    return { ...job };
  }

  private async run(job: GradingJob): Promise<void> {
    try {
      await this.grade(job);
      job.status = "done";
    } catch (error) {
      job.status = "failed";
      job.error = (error as Error).message;
      this.log.warn({ course: job.course, job: job.job, err: error }, "grading failed");
    }
    job.finished = new Date().toISOString();
    await this.jobs.update(job).catch((error: unknown) => this.log.error({ course: job.course, job: job.job, err: error }, "the grading job's status could not be stored"));
  }

  /** Waits for the running jobs (the service's shutdown, tests). */
  async idle(): Promise<void> {
    await Promise.all([...this.running]);
  }

  private async grade(job: GradingJob): Promise<void> {
    const o = this.options;
    const latest = (await this.submissions.latest(job.course)).filter((s) => SAFE_NAME.test(s.user));
    if (latest.length === 0) throw new Error(`no submissions of ${job.course} to grade`);
    const dir = mkdtempSync(join(tmpdir(), "pmxlab-grade-"));
    chmodSync(dir, 0o700);
    try {
      for (const s of latest) {
        const path = join(dir, "submissions", s.user, s.notebook);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, s.content);
      }
      job.students = new Set(latest.map((s) => s.user)).size;
      await this.jobs.update(job);
      cpSync(join(o.coursesDir, job.course), join(dir, "course"), { recursive: true });
      symlinkSync(o.nodeModules, join(dir, "node_modules"));
      mkdirSync(join(dir, "home"));
      mkdirSync(join(dir, "out"));
      if (o.as) chownTree(dir, o.as.uid, o.as.gid);
      const args = [
        pmxlabCli(),
        "grade",
        "submissions",
        "--course",
        "course",
        "--out",
        "out/grades.csv",
        "--feedback",
        "out/feedback",
        "--jobs",
        String(o.jobs ?? 1),
        "--timeout",
        String(o.notebookTimeoutS ?? 300),
        "--cell-timeout",
        String(o.cellTimeoutS ?? 60),
        "--memory",
        String(o.memoryMb ?? 1024),
      ];
      const run: IsolatedRun = {
        command: process.execPath,
        args,
        cwd: dir,
        env: {
          PATH: process.env.PATH ?? "/usr/bin:/bin",
          HOME: join(dir, "home"),
          LANG: "C.UTF-8",
          JUPYTER_RUNTIME_DIR: join(dir, "home", "runtime"),
          // The grading process's own heap; each kernel gets --memory on top (the later flag wins).
          NODE_OPTIONS: "--max-old-space-size=512",
        },
        timeoutMs: o.timeoutMs ?? 30 * 60_000,
        ...(o.as ? { as: o.as } : {}),
      };
      // As another user, also bound what the grader may spawn and write (a fork bomb, a disk filler).
      if (o.as) {
        run.args = ["--nproc=256", "--fsize=268435456", "--", run.command, ...run.args];
        run.command = "prlimit";
      }
      const result = await runIsolated(run);
      if (result.timedOut) throw new Error(`grading took longer than ${Math.round(run.timeoutMs / 1000)} s and was stopped`);
      if (result.code !== 0) throw new Error(`pmxlab grade failed (exit ${result.code ?? result.signal}): ${result.output.trim().split("\n").slice(-3).join(" ")}`);
      await this.grades.save(job.job, job.course, readGrades(join(dir, "out")));
      this.log.info({ course: job.course, job: job.job, students: job.students }, "graded");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** The grades `pmxlab grade` wrote: grades.csv plus feedback/<student>.md. */
export function readGrades(out: string): Omit<StudentGrade, "job" | "course" | "at">[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(join(out, "grades.csv"), "utf8"), { header: true, skipEmptyLines: true });
  return parsed.data.map((row) => {
    const user = row.student!;
    const file = join(out, "feedback", `${user}.md`);
    const markdown = existsSync(file) ? readFileSync(file, "utf8") : "";
    return { user, total: Number(row.total), max: Number(row.max), notes: row.notes ?? "", exercises: parseFeedback(markdown), markdown };
  });
}

function chownTree(path: string, uid: number, gid: number): void {
  lchownSync(path, uid, gid);
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) chownTree(child, uid, gid);
    else lchownSync(child, uid, gid);
  }
}
