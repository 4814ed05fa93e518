// The tutor's domain types, shared by every backend (the OpenAI-compatible gateway, the
// local GGUF model and the offline tutor) and by the HTTP layer that validates requests.
import type { CheckResult } from "@pmxlab/kernel/exercise";

/** What the student asks for. */
export type TutorRequestKind = "hint" | "explain-error" | "explain-result" | "question";

/** The exercise the conversation is about, as the course authored it (never its solution). */
export interface TutorExercise {
  /** `<course>/<name>`, as in the notebook's `pmxlab.exercise.id`. */
  id: string;
  /** The exercise's markdown (the cell above it), without instructor-only cells. */
  text: string;
  /** The authored hint ladder (concept → where to look → a near step). */
  hints: string[];
}

/** One turn of the conversation kept in the cell's `pmxlab.tutor` metadata. */
export interface TutorTurn {
  role: "student" | "tutor";
  text: string;
}

/** Everything the tutor knows about the student's situation; the student never pastes it. */
export interface TutorRequest {
  kind: TutorRequestKind;
  /** The student's own words (may be empty for "hint" and "explain-error"). */
  question: string;
  exercise?: TutorExercise;
  /** The student's code in the exercise cell (or the cell the question is about). */
  code?: string;
  /** The last *Check* result of the exercise. */
  check?: CheckResult;
  /** The last error in the notebook: name, message and traceback as the kernel reported them. */
  error?: { name: string; message: string; traceback?: string };
  /** The notebook's markdown (course notes) for retrieval. */
  notes?: string;
  /** How many hints of this exercise the student has already been shown. */
  hintLevel: number;
  history: TutorTurn[];
}

/** A number the tutor states that `@pmxlab/kernel` computed (shown as "computed" in the reply). */
export interface ComputedValue {
  label: string;
  value: number;
  unit: string;
}

/** The tutor's reply: markdown text, who answered, and the grounding behind it. */
export interface TutorReply {
  text: string;
  /** Which backend answered: "offline", "gguf:<file>", "openai:<model>". */
  backend: string;
  /** The hint level after this reply (authored hints are counted here). */
  hintLevel: number;
  computed: ComputedValue[];
  /** Course passages the reply drew on. */
  sources: { title: string; excerpt: string }[];
  /** Set when the reply was changed by a guard (leak, contradicted number) or a fallback. */
  notice?: string;
  /** Tokens the language model used, when a model answered (for the records). */
  usage?: { prompt: number; completion: number };
}

/** A tutor backend: answers one request, optionally streaming text chunks as they arrive. */
export interface TutorBackend {
  readonly name: string;
  reply(request: TutorRequest, options?: { signal?: AbortSignal; onText?: (chunk: string) => void }): Promise<TutorReply>;
}
