import type { Notebook } from "@jupyterlab/notebook";
import type { IDisposable } from "@lumino/disposable";
import { Signal, type ISignal } from "@lumino/signaling";
import type { PresenceModel } from "./PresenceModel.js";
import { resolveFollowTarget } from "./resolveFollowTarget.js";

/** Why following ended: the user scrolled, clicked or typed; or the followed user left. */
export type FollowEnd = "interaction" | "lost" | "stopped";

/** Input events that mean "I want to look around myself": they end following. */
const INTERACTIONS = ["wheel", "pointerdown", "keydown", "touchstart"] as const;

/**
 * Makes one notebook view follow another user: selects the cell they have selected and
 * scrolls to their scroll anchor whenever either changes, until the local user interacts
 * with the notebook, the followed user leaves, or {@link stop} is called.
 *
 * @example
 * ```ts
 * const follow = new FollowController(panel.content, presence, clientId);
 * follow.ended.connect((_, why) => console.log(`stopped following: ${why}`));
 * ```
 */
export class FollowController implements IDisposable {
  constructor(notebook: Notebook, presence: PresenceModel, clientId: number) {
    this._notebook = notebook;
    this._presence = presence;
    this.clientId = clientId;
    presence.changed.connect(this._apply, this);
    for (const type of INTERACTIONS) notebook.node.addEventListener(type, this._onInteraction, true);
    this._apply();
  }

  /** Awareness client id of the user being followed. */
  readonly clientId: number;

  /** Emitted once, when following ends (the controller is disposed right after). */
  get ended(): ISignal<this, FollowEnd> {
    return this._ended;
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  /** Stops following (the view stays where it is). */
  stop(): void {
    this._end("stopped");
  }

  dispose(): void {
    if (this._isDisposed) return;
    this._isDisposed = true;
    this._presence.changed.disconnect(this._apply, this);
    for (const type of INTERACTIONS) this._notebook.node.removeEventListener(type, this._onInteraction, true);
    Signal.clearData(this);
  }

  private _end(reason: FollowEnd): void {
    if (this._isDisposed) return;
    this._ended.emit(reason);
    this.dispose();
  }

  private _apply(): void {
    const notebook = this._notebook;
    const cellIds = notebook.widgets.map((cell) => cell.model.id);
    const target = resolveFollowTarget(this._presence.collaborators, this.clientId, cellIds);
    if (target.kind === "lost") {
      this._end("lost");
      return;
    }
    if (target.activeCellIndex !== null && target.activeCellIndex !== notebook.activeCellIndex) {
      notebook.activeCellIndex = target.activeCellIndex;
    }
    const scroll = target.scroll;
    const key = scroll ? `${cellIds[scroll.cellIndex]}:${scroll.offset}` : "";
    if (!scroll || key === this._lastScroll) return;
    this._lastScroll = key;
    const cell = notebook.widgets[scroll.cellIndex];
    // Align by measured geometry: scrollToItem's "start" works from estimated sizes of cells
    // not yet rendered, and their real sizes arrive a frame later, hence the second pass.
    const align = (): void => {
      if (this._isDisposed || !cell.node.isConnected) return;
      const gap = cell.node.getBoundingClientRect().top - notebook.outerNode.getBoundingClientRect().top;
      notebook.outerNode.scrollTop += gap + scroll.offset;
    };
    const settle = (): void => {
      align();
      requestAnimationFrame(align);
    };
    if (cell.node.isConnected) settle();
    else void notebook.scrollToItem(scroll.cellIndex, "start").then(settle);
  }

  private readonly _onInteraction = (event: Event): void => {
    if (event.isTrusted) this._end("interaction");
  };

  private readonly _notebook: Notebook;
  private readonly _presence: PresenceModel;
  private readonly _ended = new Signal<this, FollowEnd>(this);
  private _lastScroll = "";
  private _isDisposed = false;
}
