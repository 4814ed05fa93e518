import type { TranslationBundle } from "@jupyterlab/translation";
import type { SyncStatus } from "./syncState.js";

/**
 * The short label and the tooltip explaining a {@link SyncStatus}, translated.
 *
 * @example
 * ```ts
 * const { label, detail } = syncStatusText("offline-pending", nullTranslator.load("pmxlab"));
 * // label: "Offline — changes kept locally"
 * ```
 */
export function syncStatusText(status: SyncStatus, trans: TranslationBundle): { label: string; detail: string } {
  switch (status) {
    case "connecting":
      return { label: trans.__("Connecting…"), detail: trans.__("Receiving the shared notebook from the server.") };
    case "synced":
      return { label: trans.__("Synced"), detail: trans.__("Connected. Your edits are on the server and saved to the file.") };
    case "saving":
      return {
        label: trans.__("Saving…"),
        detail: trans.__("Connected. Your edits are on the server; it writes them to the file shortly (autosave)."),
      };
    case "unsynced":
      return {
        label: trans.__("Unsynced changes"),
        detail: trans.__("Connected, but your latest edits have not reached the server yet. Keep this tab open."),
      };
    case "offline":
      return { label: trans.__("Offline"), detail: trans.__("The connection to the server is lost; reconnecting. You have no unsent edits.") };
    case "offline-pending":
      return {
        label: trans.__("Offline — changes kept locally"),
        detail: trans.__(
          "The connection to the server is lost. Your edits are kept in this tab and sent when it reconnects; closing the tab now loses them.",
        ),
      };
    case "closed":
      return {
        label: trans.__("Disconnected — reload"),
        detail: trans.__("This notebook no longer syncs with the server. Edits made here are not saved; reload the page."),
      };
  }
}
