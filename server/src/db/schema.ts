// The database's tables as Kysely sees them. Times are ISO-8601 strings and booleans are
// 0/1 integers, so one schema reads the same from SQLite and PostgreSQL.
import type { Generated } from "kysely";

/** One tutor exchange: a student request and the reply (text only when recording text is on). */
export interface TutorExchangeTable {
  id: Generated<number>;
  at: string;
  user_id: string;
  course: string;
  exercise: string | null;
  kind: string;
  attempt: number;
  hint_level: number;
  backend: string;
  /** Set when a guard changed the reply or a fallback answered (leak, contradicted number, 429 …). */
  notice: string | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  latency_ms: number;
  /** Null when recording message text is off (PMXLAB_RECORD_TEXT=0). */
  question: string | null;
  reply: string | null;
}

/** One *Check* result as the extension reported it. */
export interface CheckResultTable {
  id: Generated<number>;
  at: string;
  user_id: string;
  course: string;
  exercise: string;
  attempt: number;
  passed: number;
  score: number;
  /** The check's items as JSON (name, passed, message, misconception). */
  items: string;
  latency_ms: number | null;
}

/** An instructor's settings for one course (see settings/). */
export interface CourseSettingsTable {
  course: string;
  /** 1 = exam mode: the tutor refuses every request of this course. */
  tutor_off: number;
  /** The model the gateway asks for this course (null: PMXLAB_LLM_MODEL). */
  model: string | null;
  /** JSON object: exercise id → number of hints a student may get (absent: no limit). */
  hint_budgets: string;
  updated_at: string;
}

/** One published version of a course's student release. */
export interface CourseReleaseTable {
  id: Generated<number>;
  course: string;
  /** 1, 2, … per course. */
  version: number;
  at: string;
  by_user: string;
}

/** One file of a release: the `pmxlab release` output, bytes as base64. */
export interface ReleaseFileTable {
  release_id: number;
  path: string;
  sha256: string;
  bytes: number;
  content: string;
}

/** A notebook a student submitted (the latest per user, course and notebook is graded). */
export interface SubmissionTable {
  id: Generated<number>;
  at: string;
  user_id: string;
  course: string;
  notebook: string;
  /** The notebook as JSON text. */
  content: string;
}

/** A student's grade from one grading job, with the per-item feedback. */
export interface GradeTable {
  id: Generated<number>;
  job: string;
  at: string;
  user_id: string;
  course: string;
  total: number;
  max: number;
  notes: string;
  /** JSON: [{ id, points, max, problems, items: [{ name, passed, hidden, message }] }]. */
  exercises: string;
  /** The feedback file `pmxlab grade` wrote for the student. */
  markdown: string;
}

/** One grading of a course (submissions/grading.ts); the latest per course is what GET /grading shows. */
export interface GradingJobTable {
  id: Generated<number>;
  /** The job's id (a UUID), as the API names it. */
  job: string;
  course: string;
  /** "running", "done" or "failed" (also a job the service stopped in the middle of). */
  status: string;
  by_user: string;
  started: string;
  finished: string | null;
  /** Students whose submissions the job grades (0 until counted). */
  students: number;
  error: string | null;
}

export interface Database {
  tutor_exchange: TutorExchangeTable;
  check_result: CheckResultTable;
  course_settings: CourseSettingsTable;
  course_release: CourseReleaseTable;
  release_file: ReleaseFileTable;
  submission: SubmissionTable;
  grade: GradeTable;
  grading_job: GradingJobTable;
}
