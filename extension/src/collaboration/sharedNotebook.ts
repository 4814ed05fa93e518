import type { ICollaborativeContentProvider } from "@jupyter/collaborative-drive";
import type { NotebookPanel } from "@jupyterlab/notebook";
import { findDocumentProvider } from "./findDocumentProvider.js";
import type { AwarenessLike } from "./presenceState.js";
import type { DocumentProviderLike, SharedDocumentLike } from "./providerTypes.js";

/** A notebook shared in real time: its websocket provider and its Yjs document with awareness. */
export interface SharedNotebook {
  readonly provider: DocumentProviderLike;
  readonly document: SharedDocumentLike & { readonly awareness: AwarenessLike };
}

/**
 * The real-time parts of a notebook panel, or null when it is not shared in real time
 * (jupyter-collaboration absent or disabled, or the notebook comes from another drive).
 *
 * @example
 * ```ts
 * const shared = sharedNotebook(panel, contentProvider);
 * if (shared) new SyncMonitor(shared.provider, shared.document);
 * ```
 */
export function sharedNotebook(panel: NotebookPanel, contentProvider: ICollaborativeContentProvider | null): SharedNotebook | null {
  const model = panel.context.model;
  if (!contentProvider) return null;
  const provider = findDocumentProvider(contentProvider.providers, "json", "notebook", [panel.context.path, panel.context.localPath]);
  const document = model.sharedModel as unknown as Partial<SharedNotebook["document"]>;
  if (!provider || !document.ydoc || !document.awareness) return null;
  return { provider, document: document as SharedNotebook["document"] };
}
