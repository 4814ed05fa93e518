import type { IDisposable } from "@lumino/disposable";
import { Debouncer } from "@lumino/polling";
import { Signal, type ISignal } from "@lumino/signaling";
import { readCollaborators, type Collaborator } from "./readCollaborators.js";
import { PRESENCE_FIELD, type AwarenessChange, type AwarenessLike, type PresenceState } from "./presenceState.js";

/** Newcomers in one burst (a reconnect brings everyone back at once) get one re-announcement. */
const REANNOUNCE_DEBOUNCE_MS = 100;

/**
 * Who is in one notebook and where, kept current from the notebook's awareness, and the
 * local user's own cell and scroll position published into it.
 *
 * The collaboration server (pycrdt-websocket) relays awareness updates but does not send a
 * newcomer the states of those already there, who would then stay invisible until their
 * next 15 s keep-alive. So whenever someone new appears, or someone comes back (their
 * `rejoins` count changed), this tab announces its own state again; and when this tab loses
 * everyone at once (y-websocket drops the others' states when its connection closes), it
 * counts a rejoin, which y-websocket sends with its state on reconnecting.
 *
 * @example
 * ```ts
 * const presence = new PresenceModel(panel.model!.sharedModel.awareness);
 * presence.changed.connect((_, people) => render(people));
 * presence.publish({ activeCellId: panel.content.activeCell?.model.id });
 * ```
 */
export class PresenceModel implements IDisposable {
  constructor(awareness: AwarenessLike) {
    this._awareness = awareness;
    this._collaborators = this._read();
    this._reannounce = new Debouncer(() => {
      const local = this._awareness.getLocalState();
      if (!this._isDisposed && local !== null) this._awareness.setLocalState(local);
    }, REANNOUNCE_DEBOUNCE_MS);
    for (const clientId of awareness.getStates().keys()) this._rejoins.set(clientId, this._rejoinsOf(clientId));
    awareness.on("change", this._onChange);
  }

  /** Everyone in the notebook, this tab first (see {@link readCollaborators}). */
  get collaborators(): readonly Collaborator[] {
    return this._collaborators;
  }

  /** Emitted with the new list whenever someone joins, leaves, moves or scrolls. */
  get changed(): ISignal<this, readonly Collaborator[]> {
    return this._changed;
  }

  /** This tab's awareness client id. */
  get localClientId(): number {
    return this._awareness.clientID;
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  /**
   * Merges `patch` into the local user's pmxlab presence; a value of `undefined` removes
   * that entry. Sends nothing when nothing changes, because every awareness update is a
   * message to every other user.
   */
  publish(patch: { readonly [K in keyof PresenceState]?: PresenceState[K] | undefined }): void {
    const local = this._awareness.getLocalState();
    if (this._isDisposed || local === null) return; // awareness destroyed: the document is closing
    const current = (local[PRESENCE_FIELD] ?? {}) as Record<string, unknown>;
    const next: Record<string, unknown> = { ...current };
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) delete next[key];
      else next[key] = value;
    }
    if (JSON.stringify(next) !== JSON.stringify(current)) this._awareness.setLocalStateField(PRESENCE_FIELD, next);
  }

  /** Looks one collaborator up by awareness client id. */
  find(clientId: number): Collaborator | undefined {
    return this._collaborators.find((person) => person.clientId === clientId);
  }

  dispose(): void {
    if (this._isDisposed) return;
    this._isDisposed = true;
    this._awareness.off("change", this._onChange);
    this._reannounce.dispose();
    Signal.clearData(this);
  }

  private _rejoinsOf(clientId: number): number {
    const presence = this._awareness.getStates().get(clientId)?.[PRESENCE_FIELD] as PresenceState | undefined;
    return presence?.rejoins ?? 0;
  }

  private _read(): Collaborator[] {
    return readCollaborators(this._awareness.getStates(), this._awareness.clientID);
  }

  private readonly _onChange = (change: AwarenessChange, origin: unknown): void => {
    this._collaborators = this._read();
    this._changed.emit(this._collaborators);
    if (origin === "local") return;
    let someoneArrived = false;
    for (const clientId of [...change.added, ...change.updated]) {
      const rejoins = this._rejoinsOf(clientId);
      someoneArrived ||= clientId !== this._awareness.clientID && this._rejoins.get(clientId) !== rejoins;
      this._rejoins.set(clientId, rejoins);
    }
    for (const clientId of change.removed) this._rejoins.delete(clientId);
    if (someoneArrived) void this._reannounce.invoke().catch(() => undefined); // rejected only when disposed meanwhile
    if (change.removed.length > 0 && this._collaborators.every((person) => person.isLocal)) {
      const local = this._awareness.getLocalState()?.[PRESENCE_FIELD] as PresenceState | undefined;
      this.publish({ rejoins: (local?.rejoins ?? 0) + 1 });
    }
  };

  private readonly _awareness: AwarenessLike;
  private _collaborators: readonly Collaborator[];
  private readonly _changed = new Signal<this, readonly Collaborator[]>(this);
  private readonly _reannounce: Debouncer;
  /** Last `rejoins` seen per other client: a change means they came back. */
  private readonly _rejoins = new Map<number, number>();
  private _isDisposed = false;
}
