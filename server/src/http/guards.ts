// Checks every class route shares: who may do what, and names that reach the file system.
import { HttpError } from "./body.js";
import type { Identity } from "./identity.js";
import { courseId } from "./schemas.js";

/** Refuses a student (403) on an instructor's route. */
export function requireInstructor(identity: Identity, what: string): void {
  if (!identity.instructor) throw new HttpError(403, `only an instructor may ${what}`);
}

/** A percent-encoded path segment decoded, or 400 naming `what` it is (a bad escape such as `%E0` is the client's error). */
export function decodeSegment(segment: string, what: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, `invalid percent-encoding in the ${what}: ${segment.slice(0, 100)}`);
  }
}

/** The course id of a path segment, or 400 naming what is wrong. */
export function courseOf(segment: string): string {
  const course = courseId.safeParse(decodeSegment(segment, "course id"));
  if (!course.success) throw new HttpError(400, `invalid course id: ${course.error.issues[0]?.message}`);
  return course.data;
}

/**
 * Whose records a request reads: the caller's own, or — for an instructor only — the user
 * named by `?user=`. A student naming anyone (even themselves) through `?user=` gets 403, so
 * a client cannot probe other students' data.
 */
export function subjectOf(identity: Identity, query: URLSearchParams): string {
  const named = query.get("user");
  if (named === null) return identity.user;
  if (!identity.instructor) throw new HttpError(403, "only an instructor may read another user's records");
  if (!/^[\w.@+-]{1,100}$/.test(named)) throw new HttpError(400, "invalid user name");
  return named;
}
