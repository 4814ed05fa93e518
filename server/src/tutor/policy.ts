// The instructor's settings, enforced before a tutor request reaches any backend: exam mode
// refuses every request; a hint budget refuses hints beyond it. The budget counts hints the
// server recorded, not the hint level the browser reports, so a client cannot reset it.
import type { CourseSettings } from "../settings/index.js";
import type { TutorRequest } from "./types.js";

/** Why a request is refused, or undefined when it may go ahead. */
export function refusalFor(settings: CourseSettings, request: TutorRequest, hintsGiven: number): string | undefined {
  if (settings.tutorOff) return `The tutor is off for course ${settings.course} (exam mode).`;
  const id = request.exercise?.id;
  if (request.kind === "hint" && id !== undefined && Object.hasOwn(settings.hintBudgets, id)) {
    const budget = settings.hintBudgets[id]!;
    if (hintsGiven >= budget) return `You have used all ${budget} hints for this exercise. Ask a question about what you tried instead.`;
  }
  return undefined;
}
