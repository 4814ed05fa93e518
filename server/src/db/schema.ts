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

export interface Database {
  tutor_exchange: TutorExchangeTable;
  check_result: CheckResultTable;
  course_settings: CourseSettingsTable;
}
