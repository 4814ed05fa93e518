/** Ids of the tutor commands (palette, cell toolbar in `schema/tutor.json`). */
export const TutorCommandIds = {
  /** Inserts a tutor cell below the active cell (about the exercise there or above it). */
  insert: "pmxlab:insert-tutor-cell",
} as const;
