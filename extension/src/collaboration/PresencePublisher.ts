import type { Notebook } from "@jupyterlab/notebook";
import type { IDisposable } from "@lumino/disposable";
import { Throttler } from "@lumino/polling";
import type { PresenceModel } from "./PresenceModel.js";
import { topVisibleAnchor } from "./topVisibleAnchor.js";

/** At most one scroll update per this many ms: each is a message to every other user. */
const SCROLL_THROTTLE_MS = 150;

/**
 * Publishes the local user's active cell id and scroll anchor of one notebook into its
 * presence, so others see where this user is and can follow them.
 *
 * @example
 * ```ts
 * const publisher = new PresencePublisher(panel.content, presence);
 * ```
 */
export class PresencePublisher implements IDisposable {
  constructor(notebook: Notebook, presence: PresenceModel) {
    this._notebook = notebook;
    this._presence = presence;
    this._scroll = new Throttler(() => this._publishScroll(), { limit: SCROLL_THROTTLE_MS, edge: "trailing" });
    notebook.activeCellChanged.connect(this._publishActiveCell, this);
    notebook.outerNode.addEventListener("scroll", this._onScroll, { passive: true });
    this._publishActiveCell();
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  dispose(): void {
    if (this._isDisposed) return;
    this._isDisposed = true;
    this._notebook.activeCellChanged.disconnect(this._publishActiveCell, this);
    this._notebook.outerNode.removeEventListener("scroll", this._onScroll);
    this._scroll.dispose();
  }

  private _publishActiveCell(): void {
    this._presence.publish({ activeCellId: this._notebook.activeCell?.model.id });
  }

  private readonly _onScroll = (): void => {
    void this._scroll.invoke().catch(() => undefined); // rejected only when disposed mid-cycle
  };

  private _publishScroll(): void {
    if (this._isDisposed) return;
    const viewTop = this._notebook.outerNode.getBoundingClientRect().top;
    const cells = this._notebook.widgets
      .filter((cell) => cell.node.isConnected)
      .map((cell) => {
        const box = cell.node.getBoundingClientRect();
        return { id: cell.model.id, top: box.top, bottom: box.bottom };
      })
      .filter((cell) => cell.bottom > cell.top);
    this._presence.publish({ scroll: topVisibleAnchor(viewTop, cells) ?? undefined });
  }

  private readonly _notebook: Notebook;
  private readonly _presence: PresenceModel;
  private readonly _scroll: Throttler;
  private _isDisposed = false;
}
