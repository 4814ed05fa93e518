import type { IDisposable } from "@lumino/disposable";
import { Signal, type ISignal } from "@lumino/signaling";
import type { DocumentProviderLike, SharedDocumentLike, WebsocketProviderLike } from "./providerTypes.js";
import { INITIAL_SYNC_STATE, reduceSyncState, syncStatusOf, type SyncEvent, type SyncState, type SyncStatus } from "./syncState.js";

/** How often (ms) the monitor checks for a replaced websocket provider and a drained send buffer. */
const CHECK_INTERVAL_MS = 500;

/**
 * Follows one collaborative document's connection and feeds {@link reduceSyncState}:
 * the y-websocket provider's `status` and `sync` events, local Yjs updates (origin other
 * than the provider), the shared `dirty` flag set by edits and cleared by the server after
 * it saves, and the document's disposal.
 *
 * @example
 * ```ts
 * const monitor = new SyncMonitor(provider, panel.model!.sharedModel as unknown as SharedDocumentLike);
 * monitor.statusChanged.connect((_, status) => console.log(status));
 * ```
 */
export class SyncMonitor implements IDisposable {
  constructor(provider: DocumentProviderLike, document: SharedDocumentLike) {
    this._provider = provider;
    this._document = document;
    this._state = { ...INITIAL_SYNC_STATE, dirty: document.dirty };
    document.ydoc.on("update", this._onUpdate);
    document.changed.connect(this._onDocumentChanged, this);
    document.disposed.connect(this._onDisposed, this);
    this._check();
    this._timer = setInterval(this._check, CHECK_INTERVAL_MS);
  }

  get state(): SyncState {
    return this._state;
  }

  get status(): SyncStatus {
    return syncStatusOf(this._state);
  }

  /** Emitted with the new status whenever it changes. */
  get statusChanged(): ISignal<this, SyncStatus> {
    return this._statusChanged;
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  dispose(): void {
    if (this._isDisposed) return;
    this._isDisposed = true;
    clearInterval(this._timer);
    this._bind(null);
    if (!this._document.isDisposed) this._document.ydoc.off("update", this._onUpdate);
    this._document.changed.disconnect(this._onDocumentChanged, this);
    this._document.disposed.disconnect(this._onDisposed, this);
    Signal.clearData(this);
  }

  private _dispatch(event: SyncEvent): void {
    const before = this.status;
    this._state = reduceSyncState(this._state, event);
    const after = this.status;
    if (after !== before) this._statusChanged.emit(after);
  }

  /** Attaches to the provider's current y-websocket provider and replays its state. */
  private _bind(ws: WebsocketProviderLike | null): void {
    this._ws?.off("status", this._onStatus);
    this._ws?.off("sync", this._onSync);
    this._ws = ws;
    if (!ws) return;
    ws.on("status", this._onStatus);
    ws.on("sync", this._onSync);
    this._dispatch({ type: "status", status: ws.wsconnected ? "connected" : ws.wsconnecting ? "connecting" : "disconnected" });
    this._dispatch({ type: "sync", synced: ws.synced });
  }

  private readonly _check = (): void => {
    if (this._isDisposed) return;
    if (this._provider.isDisposed || this._document.isDisposed) {
      this._dispatch({ type: "closed" });
      return;
    }
    const current = this._provider.wsProvider ?? null;
    if (current !== this._ws) {
      this._bind(current);
      if (!current) this._dispatch({ type: "status", status: "connecting" });
    }
    if (this._state.pendingLocalEdits && this._ws?.ws?.bufferedAmount === 0) this._dispatch({ type: "flushed" });
  };

  private readonly _onStatus = ({ status }: { status: "connecting" | "connected" | "disconnected" }): void => {
    this._dispatch({ type: "status", status });
  };

  private readonly _onSync = (synced: boolean): void => {
    this._dispatch({ type: "sync", synced });
  };

  private readonly _onUpdate = (_update: Uint8Array, origin: unknown): void => {
    // y-websocket applies the server's updates with itself as origin; anything else was made here.
    if (origin !== null && origin === this._ws) return;
    this._dispatch({ type: "local-edit", sent: this._ws?.ws?.bufferedAmount === 0 });
  };

  private _onDocumentChanged(_: unknown, change: { stateChange?: ReadonlyArray<{ name: string; newValue?: unknown }> }): void {
    const dirty = change.stateChange?.find((entry) => entry.name === "dirty");
    if (dirty) this._dispatch({ type: "dirty", dirty: dirty.newValue === true });
  }

  private _onDisposed(): void {
    this._dispatch({ type: "closed" });
  }

  private readonly _provider: DocumentProviderLike;
  private readonly _document: SharedDocumentLike;
  private _ws: WebsocketProviderLike | null = null;
  private _state: SyncState;
  private readonly _statusChanged = new Signal<this, SyncStatus>(this);
  private readonly _timer: ReturnType<typeof setInterval>;
  private _isDisposed = false;
}
