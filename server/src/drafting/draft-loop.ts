// The drafting loop: draft → compile → units → simulate → repair, a bounded number of times.
// Any drafter plugs in (the offline block assembler, an LLM on the server's gateway).
import type { DraftAttempt, DraftResult, Drafter } from "./types.js";
import { verifyModelText } from "./verify-model.js";

/** Options of {@link draftModel}. */
export interface DraftOptions {
  /** Repairs after the first draft (default 2). */
  maxRepairs?: number;
  /** Give the smoke test's dose as a 1-h infusion (default: read "infusion" in the description). */
  infusion?: boolean;
  /** Model time units the smoke test simulates (default 48). */
  end?: number;
  signal?: AbortSignal;
}

/**
 * Drafts a model from a description with `drafter`, verifies each draft with the kernel and
 * sends the errors back for repair until it passes or `maxRepairs` repairs are used (or the
 * drafter returns the same text again). Only a verified draft comes back with `ok` and a
 * compiled `model`.
 *
 * @example
 * const result = await draftModel("two-compartment IV infusion", new OfflineDrafter());
 * if (result.ok) console.log(result.text); else console.log(result.errors);
 */
export async function draftModel(description: string, drafter: Drafter, options: DraftOptions = {}): Promise<DraftResult> {
  const maxRepairs = options.maxRepairs ?? 2;
  const infusion = options.infusion ?? /\binfusion\b/i.test(description);
  const attempts: DraftAttempt[] = [];
  for (let round = 0; round <= maxRepairs; round++) {
    options.signal?.throwIfAborted();
    const previous = attempts[attempts.length - 1];
    let text: string;
    try {
      text = await drafter.draft({ description, previous, signal: options.signal });
    } catch (error) {
      const errors = [{ stage: "draft" as const, message: (error as Error).message }];
      return { ok: false, text: previous?.text ?? "", drafter: drafter.name, attempts, errors };
    }
    if (previous && text === previous.text) break; // the drafter has nothing new to offer
    const verdict = verifyModelText(text, { infusion, end: options.end });
    attempts.push({ text, errors: verdict.errors });
    if (verdict.errors.length === 0) return { ok: true, text, drafter: drafter.name, attempts, errors: [], model: verdict.model, smoke: verdict.smoke };
  }
  const last = attempts[attempts.length - 1];
  return { ok: false, text: last.text, drafter: drafter.name, attempts, errors: last.errors };
}
