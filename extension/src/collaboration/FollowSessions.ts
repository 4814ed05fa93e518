import type { NotebookPanel } from "@jupyterlab/notebook";
import { Signal, type ISignal } from "@lumino/signaling";
import type { IPmxlabPresence } from "../tokens.js";
import { FollowController } from "./FollowController.js";

const FOLLOWING_CLASS = "pmx-mod-following";

/**
 * Who each open notebook is following (at most one person per notebook), with the notebook
 * outlined in that person's colour meanwhile.
 *
 * @example
 * ```ts
 * const sessions = new FollowSessions(presence);
 * sessions.start(panel, clientId);
 * sessions.followedIn(panel); // clientId, until the user scrolls, clicks or types
 * ```
 */
export class FollowSessions {
  constructor(presence: IPmxlabPresence) {
    this._presence = presence;
  }

  /** Emitted whenever following starts or ends in any notebook. */
  get changed(): ISignal<this, NotebookPanel> {
    return this._changed;
  }

  /** Awareness client id of the person followed in `panel`, or null. */
  followedIn(panel: NotebookPanel): number | null {
    return this._controllers.get(panel)?.clientId ?? null;
  }

  /** Follows `clientId` in `panel` (ending any earlier following there); ignored for the local user or someone absent. */
  start(panel: NotebookPanel, clientId: number): void {
    const presence = this._presence.presenceFor(panel);
    const person = presence?.find(clientId);
    if (!presence || !person || person.isLocal) return;
    this.stop(panel);
    const controller = new FollowController(panel.content, presence, clientId);
    this._controllers.set(panel, controller);
    panel.addClass(FOLLOWING_CLASS);
    panel.node.style.setProperty("--pmx-follow-color", person.color);
    controller.ended.connect(() => {
      this._controllers.delete(panel);
      panel.removeClass(FOLLOWING_CLASS);
      this._changed.emit(panel);
    });
    panel.disposed.connect(() => controller.stop());
    this._changed.emit(panel);
  }

  /** Stops following in `panel`, if it follows anyone. */
  stop(panel: NotebookPanel): void {
    this._controllers.get(panel)?.stop();
  }

  private readonly _presence: IPmxlabPresence;
  private readonly _controllers = new Map<NotebookPanel, FollowController>();
  private readonly _changed = new Signal<this, NotebookPanel>(this);
}
