/** Ids of the collaboration commands (palette entries added by the follow plugin). */
export const CollaborationCommandIds = {
  /** Follows a collaborator's active cell and scroll position; args `{ clientId }`, or a picker without. Toggles. */
  follow: "pmxlab:follow-collaborator",
  /** Stops following in the current notebook. */
  stopFollowing: "pmxlab:stop-following",
} as const;
