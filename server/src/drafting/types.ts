// Model drafting's domain types, shared by every drafter (the offline one that assembles
// library blocks, and an LLM drafter on the server's gateway) and the verification loop.
import type { Model } from "@pmxlab/kernel";

/** The stage of the loop that found a problem. */
export type DraftStage = "draft" | "compile" | "units" | "simulate";

/** One problem with a draft: which stage found it and the kernel's message. */
export interface DraftError {
  stage: DraftStage;
  message: string;
}

/** One round of the loop: the text drafted and what verification found wrong with it. */
export interface DraftAttempt {
  text: string;
  errors: DraftError[];
}

/** What a drafter is asked: the description, and on a repair the attempt that failed. */
export interface DraftRequest {
  description: string;
  /** The previous attempt and its errors, when the loop asks for a repair. */
  previous?: DraftAttempt;
  signal?: AbortSignal;
}

/**
 * Something that writes pmxlab model text from words. It may throw (with a message for the
 * user) when it cannot draft the description at all.
 */
export interface Drafter {
  readonly name: string;
  draft(request: DraftRequest): Promise<string>;
}

/** The smoke simulation a verified model passed. */
export interface SmokeRun {
  regimen: string;
  /** Model time units simulated. */
  end: number;
  /** The output checked (the model's first output) and its largest value. */
  output: string;
  peak: number;
  unit: string;
}

/**
 * The loop's result. `ok` only when the last attempt compiled, passed every unit check and
 * simulated; otherwise `model` is absent and `errors` says why, so a failed draft is never
 * shown as a working model.
 */
export interface DraftResult {
  ok: boolean;
  /** The last attempt's text (shown with its errors when not ok). */
  text: string;
  drafter: string;
  attempts: DraftAttempt[];
  errors: DraftError[];
  model?: Model;
  smoke?: SmokeRun;
}
