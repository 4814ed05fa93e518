/** Ids of the class commands (on a pmxlab hub; palette category "pmxlab"). */
export const HubCommandIds = {
  /** Brings every published course release into the home (never over the student's edits). */
  getReleases: "pmxlab:get-course-releases",
  /** Submits the current course notebook (saved first) to the class service. */
  submit: "pmxlab:submit-notebook",
  /** Shows the grade and per-item feedback of the current notebook's course. */
  feedback: "pmxlab:show-feedback",
} as const;
