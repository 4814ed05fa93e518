import type { NotebookPanel } from "@jupyterlab/notebook";
import { Token } from "@lumino/coreutils";
import type { PresenceModel } from "./collaboration/PresenceModel.js";
import type { SyncMonitor } from "./collaboration/SyncMonitor.js";

/**
 * The user's pmxlab settings, as currently set in Settings → pmxlab.
 *
 * Provided by the `@pmxlab/jupyterlab:settings` plugin; values follow the settings
 * editor live (read them when needed rather than caching them).
 *
 * @example
 * ```ts
 * const plugin = { requires: [IPmxlabSettings], activate: (app, settings) => settings.kernelName };
 * ```
 */
export interface IPmxlabSettings {
  /** Kernelspec name used for new pmxlab notebooks (default `"tslab"`, the TypeScript kernel). */
  readonly kernelName: string;
}

/** The token of {@link IPmxlabSettings}. */
export const IPmxlabSettings = new Token<IPmxlabSettings>(
  "@pmxlab/jupyterlab:IPmxlabSettings",
  "The pmxlab user settings (kernel used for new notebooks).",
);

/**
 * Live presence (who is in the notebook, which cell each person is on, their scroll
 * position) of the notebooks shared in real time.
 *
 * Provided by the `@pmxlab/jupyterlab:collaboration-presence` plugin; the follow plugin uses it.
 *
 * @example
 * ```ts
 * const presence = pmxlabPresence.presenceFor(tracker.currentWidget!);
 * presence?.collaborators.filter((person) => !person.isLocal).map((person) => person.name);
 * ```
 */
export interface IPmxlabPresence {
  /** Presence of the notebook in `panel`, or null when that notebook is not shared in real time. */
  presenceFor(panel: NotebookPanel): PresenceModel | null;
}

/** The token of {@link IPmxlabPresence}. */
export const IPmxlabPresence = new Token<IPmxlabPresence>(
  "@pmxlab/jupyterlab:IPmxlabPresence",
  "Who is in each collaborative notebook and where (cell, scroll position).",
);

/**
 * Whether each collaborative notebook's local edits have reached the server and the file
 * (the state behind the toolbar's sync indicator; see docs/collaboration-ui.md).
 *
 * Provided by the `@pmxlab/jupyterlab:collaboration-sync` plugin.
 *
 * @example
 * ```ts
 * const monitor = pmxlabSync.monitorFor(panel);
 * monitor?.statusChanged.connect((_, status) => status === "offline-pending" && warn());
 * ```
 */
export interface IPmxlabSyncStatus {
  /** The sync monitor of the notebook in `panel`, or null when that notebook is not shared in real time. */
  monitorFor(panel: NotebookPanel): SyncMonitor | null;
}

/** The token of {@link IPmxlabSyncStatus}. */
export const IPmxlabSyncStatus = new Token<IPmxlabSyncStatus>(
  "@pmxlab/jupyterlab:IPmxlabSyncStatus",
  "Sync state (synced, saving, unsynced, offline) of each collaborative notebook.",
);
