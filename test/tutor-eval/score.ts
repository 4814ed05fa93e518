// Scoring a tutor backend on the evaluation set: a case passes when its reply contains
// everything it must, nothing it must not, asks the student a question, and leaks nothing.
import type { TutorBackend, TutorReply } from "../../server/src/tutor/types.js";
import type { EvalCase } from "./cases.js";

/** The verdict on one case. */
export interface CaseOutcome {
  id: string;
  topic: string;
  passed: boolean;
  /** `must` patterns the reply lacks (an array entry is satisfied by any of its patterns). */
  missing: string[];
  /** `mustNot` patterns the reply contains. */
  forbidden: string[];
  /** Solution values or solution code the reply contains. */
  leaked: string[];
  reply?: TutorReply;
  error?: string;
}

/** The evaluation's result. */
export interface EvalScore {
  cases: number;
  passed: number;
  /** Cases whose reply leaked a solution value or solution code. */
  leaks: number;
  outcomes: CaseOutcome[];
}

/** A Socratic reply asks the student something. */
const ASKS_A_QUESTION = /\?/;

/** Judges one reply against its case. */
export function judge(c: EvalCase, text: string): Omit<CaseOutcome, "id" | "topic" | "passed" | "reply"> {
  const missing = c.must.filter((m) => !(Array.isArray(m) ? m : [m]).some((p) => p.test(text))).map((m) => String(m));
  if (!ASKS_A_QUESTION.test(text)) missing.push("a question for the student");
  const forbidden = (c.mustNot ?? []).filter((p) => p.test(text)).map(String);
  const leaked = [...c.leaks.filter((p) => p.test(text)).map(String), ...c.solutionLines.filter((line) => text.includes(line))];
  return { missing, forbidden, leaked };
}

/** Runs every case through the backend (one at a time) and scores the replies. */
export async function scoreBackend(backend: TutorBackend, cases: readonly EvalCase[]): Promise<EvalScore> {
  const outcomes: CaseOutcome[] = [];
  for (const c of cases) {
    try {
      const reply = await backend.reply(c.request);
      const verdict = judge(c, reply.text);
      outcomes.push({ id: c.id, topic: c.topic, passed: verdict.missing.length + verdict.forbidden.length + verdict.leaked.length === 0, ...verdict, reply });
    } catch (error) {
      outcomes.push({ id: c.id, topic: c.topic, passed: false, missing: [], forbidden: [], leaked: [], error: (error as Error).message });
    }
  }
  return { cases: cases.length, passed: outcomes.filter((o) => o.passed).length, leaks: outcomes.filter((o) => o.leaked.length > 0).length, outcomes };
}
