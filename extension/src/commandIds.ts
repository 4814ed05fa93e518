/** Ids of the pmxlab commands; labels, menus and shortcuts live in `schema/commands.json`. */
export const CommandIds = {
  /** Shows what pmxlab is and which versions are running. */
  about: "pmxlab:about",
  /** Creates a notebook in the current folder with the pmxlab kernel (settings: `kernelName`). */
  newNotebook: "pmxlab:new-notebook",
} as const;
