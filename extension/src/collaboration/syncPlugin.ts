import { ILabStatus, type JupyterFrontEnd, type JupyterFrontEndPlugin } from "@jupyterlab/application";
import { ICollaborativeContentProvider } from "@jupyter/collaborative-drive";
import { INotebookTracker } from "@jupyterlab/notebook";
import { ITranslator, nullTranslator } from "@jupyterlab/translation";
import type { IDisposable } from "@lumino/disposable";
import { IPmxlabSyncStatus } from "../tokens.js";
import { addToolbarItem } from "./addToolbarItem.js";
import { trackSharedNotebooks } from "./trackSharedNotebooks.js";
import { SyncIndicator } from "./SyncIndicator.js";
import { SyncMonitor } from "./SyncMonitor.js";
import type { SyncStatus } from "./syncState.js";

/** Statuses in which closing the tab would lose edits, so the browser asks before leaving. */
const AT_RISK: ReadonlySet<SyncStatus> = new Set(["unsynced", "offline-pending"]);

/**
 * For each notebook shared in real time: the toolbar's sync indicator (Synced, Saving…,
 * Unsynced changes, Offline — changes kept locally, …) and a leave-page warning while
 * local edits exist only in this tab.
 */
export const syncPlugin: JupyterFrontEndPlugin<IPmxlabSyncStatus> = {
  id: "@pmxlab/jupyterlab:collaboration-sync",
  description: "Shows whether a collaborative notebook's edits have reached the server and the file.",
  autoStart: true,
  requires: [INotebookTracker],
  optional: [ICollaborativeContentProvider, ITranslator, ILabStatus],
  provides: IPmxlabSyncStatus,
  activate: (
    _app: JupyterFrontEnd,
    tracker: INotebookTracker,
    contentProvider: ICollaborativeContentProvider | null,
    translator: ITranslator | null,
    labStatus: ILabStatus | null,
  ): IPmxlabSyncStatus => {
    const trans = (translator ?? nullTranslator).load("pmxlab");
    const monitorFor = trackSharedNotebooks(tracker, contentProvider, (panel, shared) => {
      const monitor = new SyncMonitor(shared.provider, shared.document);
      let atRisk: IDisposable | null = null;
      const warnOnLeave = (status: SyncStatus): void => {
        if (AT_RISK.has(status)) atRisk ??= labStatus?.setDirty() ?? null;
        else {
          atRisk?.dispose();
          atRisk = null;
        }
      };
      monitor.statusChanged.connect((_, status) => warnOnLeave(status));
      addToolbarItem(panel, "pmxlab-sync", new SyncIndicator(monitor, trans));
      panel.disposed.connect(() => {
        atRisk?.dispose();
        monitor.dispose();
      });
      return monitor;
    });
    return { monitorFor };
  },
};
