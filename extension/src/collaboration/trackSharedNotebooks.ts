import type { ICollaborativeContentProvider } from "@jupyter/collaborative-drive";
import type { INotebookTracker, NotebookPanel } from "@jupyterlab/notebook";
import { sharedNotebook, type SharedNotebook } from "./sharedNotebook.js";

/**
 * Calls `attach` once for every notebook shared in real time, open now or opened later, and
 * returns the lookup of what it made per panel (null for notebooks that are not shared).
 *
 * @example
 * ```ts
 * const monitorFor = trackSharedNotebooks(tracker, contentProvider, (panel, shared) => new SyncMonitor(shared.provider, shared.document));
 * ```
 */
export function trackSharedNotebooks<T>(
  tracker: INotebookTracker,
  contentProvider: ICollaborativeContentProvider | null,
  attach: (panel: NotebookPanel, shared: SharedNotebook) => T,
): (panel: NotebookPanel) => T | null {
  const attached = new WeakMap<NotebookPanel, T>();
  const visit = (panel: NotebookPanel): void => {
    const shared = sharedNotebook(panel, contentProvider);
    if (shared) attached.set(panel, attach(panel, shared));
  };
  tracker.forEach(visit);
  tracker.widgetAdded.connect((_, panel) => visit(panel));
  return (panel) => attached.get(panel) ?? null;
}
