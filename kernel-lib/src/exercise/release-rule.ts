// The rule that keeps a student's work when a course is released again, shared by
// `pmxlab release` (files on disk) and the hub service (files in the student's home, written
// through their own Jupyter server): a file is compared by content hash with what the
// previous release wrote there (the release manifest).

/** What a release does with one file. */
export type ReleaseAction = "added" | "updated" | "unchanged" | "beside";

/**
 * Decides what happens to one released file.
 *
 * - no file there → `added`;
 * - the file is the new version already, or the student edited a version the course has
 *   not changed since → `unchanged` (nothing written);
 * - the file is exactly what the last release wrote (the student has not touched it) →
 *   `updated` (overwritten with the new version);
 * - otherwise the student edited it and the course changed it → `beside`: the new version
 *   goes to {@link besideName} and the student's copy is kept.
 *
 * @param next the hash of the new version
 * @param current the hash of the file in the student's folder (undefined: no file)
 * @param released the hash the previous release recorded for it (undefined: never released)
 * @example
 * releaseAction("h2", "h1", "h1"); // "updated": untouched since the last release
 * releaseAction("h2", "edited", "h1"); // "beside": the edit is kept
 */
export function releaseAction(next: string, current: string | undefined, released: string | undefined): ReleaseAction {
  if (current === undefined) return "added";
  if (current === next || released === next) return "unchanged";
  if (released === current) return "updated";
  return "beside";
}

/**
 * Where a new version goes beside a student's edited copy: `NAME.new.EXT`.
 *
 * @example
 * besideName("01-elimination.ipynb"); // "01-elimination.new.ipynb"
 */
export function besideName(file: string): string {
  const slash = file.lastIndexOf("/");
  const dot = file.lastIndexOf(".");
  return dot > slash + 1 ? `${file.slice(0, dot)}.new${file.slice(dot)}` : `${file}.new`;
}
