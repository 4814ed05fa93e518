/**
 * Ids of the pmxlab commands. Labels and palette entries are set where they are registered
 * (commandsPlugin.ts); menu entries live in `schema/commands.json`. There are no shortcuts.
 */
export const CommandIds = {
  /** Shows what pmxlab is and the kernel new notebooks get (settings: `kernelName`). */
  about: "pmxlab:about",
  /** Creates a notebook in the current folder with the pmxlab kernel (settings: `kernelName`). */
  newNotebook: "pmxlab:new-notebook",
} as const;
