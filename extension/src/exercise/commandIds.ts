/** Ids of the exercise commands; the shortcut and cell-toolbar button live in `schema/exercise.json`. */
export const ExerciseCommandIds = {
  /** Runs the active exercise cell, then its check, and stores the result in the cell. */
  check: "pmxlab:check-exercise",
} as const;
