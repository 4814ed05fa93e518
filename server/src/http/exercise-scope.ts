// Which exercise ids a request may name for a course. Exam mode and hint budgets are course
// settings, the leak guard finds a solution by exercise id, and the class view makes a column
// per id; the id comes from the client, so a request must not escape its course's rules by
// naming the exercise differently ("PK-basics/auc", "pk-basics//auc") or under another course.
import { courseExercises } from "../class-view/course-exercises.js";
import { HttpError } from "./body.js";

/** Refuses (400) an exercise id that is not `course`'s. */
export type ExerciseScope = (course: string, exercise: string) => void;

/** How long a course's list of exercises is kept before its notebooks are read again (ms). */
const KEEP_MS = 10_000;

/**
 * An exercise id must start with its course's id and a slash; and when the courses folder has
 * the course (a `course.json`), it must be one of the exercises its notebooks define (read
 * again at most every 10 s, so an exercise an instructor adds is accepted soon after). A
 * course the folder does not have (a student's own notebook, a course being written) is only
 * held to the prefix: no settings, solutions or releases can exist for its other ids.
 *
 * @example
 * const scope = exerciseScope("courses", () => {});
 * scope("pk-basics", "pk-basics/half-life"); // fine
 * scope("other", "pk-basics/half-life");     // HttpError 400
 */
export function exerciseScope(coursesDir: string | undefined, onError: (course: string, error: unknown) => void): ExerciseScope {
  const kept = new Map<string, { ids: ReadonlySet<string> | undefined; at: number }>();
  const exercisesOf = (course: string): ReadonlySet<string> | undefined => {
    const entry = kept.get(course);
    if (entry && performance.now() - entry.at < KEEP_MS) return entry.ids;
    let ids: ReadonlySet<string> | undefined;
    if (coursesDir && course !== "." && course !== "..") {
      try {
        const list = courseExercises(coursesDir, course);
        if (list.length > 0) ids = new Set(list);
      } catch (error) {
        onError(course, error);
      }
    }
    kept.set(course, { ids, at: performance.now() });
    return ids;
  };
  return (course, exercise) => {
    if (!exercise.startsWith(`${course}/`)) {
      throw new HttpError(400, `exercise ${exercise} is not an exercise of course ${course}: its id must start with "${course}/"`);
    }
    const ids = exercisesOf(course);
    if (ids && !ids.has(exercise)) throw new HttpError(400, `course ${course} has no exercise ${exercise}`);
  };
}
