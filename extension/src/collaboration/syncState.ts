/**
 * The sync indicator's state machine: what the local copy of a collaborative document
 * has in common with the server. Pure (no timers, no DOM), so every transition is tested;
 * {@link SyncMonitor} feeds it the websocket provider's and the document's events.
 */

/** What the user is told; docs/collaboration-ui.md explains each one. */
export type SyncStatus =
  /** First connection: the document has not been received from the server yet. */
  | "connecting"
  /** Connected, everything local is on the server, and the server has written it to disk. */
  | "synced"
  /** Connected and everything local is on the server, which has not written it to disk yet (autosave pending). */
  | "saving"
  /** Connected, but local edits have not reached the server yet (reconnect in progress or send buffer not empty). */
  | "unsynced"
  /** No connection and no local edits since it dropped: nothing to lose, retrying. */
  | "offline"
  /** No connection and local edits since it dropped: they are kept in this tab and sent on reconnect. */
  | "offline-pending"
  /** The provider gave up (document closed, session expired): edits here no longer reach anyone. */
  | "closed";

/** Connection state as the y-websocket provider reports it, plus `closed` for the end. */
export type ConnectionState = "connecting" | "connected" | "disconnected" | "closed";

export interface SyncState {
  readonly connection: ConnectionState;
  /** The server's copy was received since the last (re)connection (y-websocket `synced`). */
  readonly synced: boolean;
  /** Synced at least once: later `connecting` phases are reconnects, i.e. offline. */
  readonly everSynced: boolean;
  /** Local edits exist that the server may not have (made offline, or not yet flushed). */
  readonly pendingLocalEdits: boolean;
  /** The shared document's `dirty` flag: changed since the server last saved the file. */
  readonly dirty: boolean;
}

export type SyncEvent =
  | { readonly type: "status"; readonly status: "connecting" | "connected" | "disconnected" }
  | { readonly type: "sync"; readonly synced: boolean }
  /** A local edit; `sent` when it went into an open, synced websocket with an empty send buffer. */
  | { readonly type: "local-edit"; readonly sent: boolean }
  /** The websocket send buffer drained. */
  | { readonly type: "flushed" }
  | { readonly type: "dirty"; readonly dirty: boolean }
  | { readonly type: "closed" };

/** State before any event: connecting, nothing pending. */
export const INITIAL_SYNC_STATE: SyncState = {
  connection: "connecting",
  synced: false,
  everSynced: false,
  pendingLocalEdits: false,
  dirty: false,
};

/**
 * Applies one event. Pending local edits are cleared only by a completed sync over an open
 * connection (the sync handshake sends the server everything it lacks) or by the send
 * buffer draining while synced; after `closed` nothing changes any more.
 *
 * @example
 * ```ts
 * let state = INITIAL_SYNC_STATE;
 * state = reduceSyncState(state, { type: "status", status: "connected" });
 * state = reduceSyncState(state, { type: "sync", synced: true });
 * syncStatusOf(state); // "synced"
 * ```
 */
export function reduceSyncState(state: SyncState, event: SyncEvent): SyncState {
  if (state.connection === "closed") return state;
  const live = state.connection === "connected" && state.synced;
  switch (event.type) {
    case "status":
      // y-websocket re-announces "connected" without a new handshake only while already live.
      return { ...state, connection: event.status, synced: event.status === "connected" && live };
    case "sync":
      if (!event.synced || state.connection !== "connected") return { ...state, synced: false };
      return { ...state, synced: true, everSynced: true, pendingLocalEdits: false };
    case "local-edit":
      return { ...state, pendingLocalEdits: state.pendingLocalEdits || !(live && event.sent) };
    case "flushed":
      return live ? { ...state, pendingLocalEdits: false } : state;
    case "dirty":
      return { ...state, dirty: event.dirty };
    case "closed":
      return { ...state, connection: "closed", synced: false };
  }
}

/**
 * The status shown for a state.
 *
 * @example
 * ```ts
 * syncStatusOf({ ...INITIAL_SYNC_STATE, connection: "disconnected", everSynced: true, pendingLocalEdits: true }); // "offline-pending"
 * ```
 */
export function syncStatusOf(state: SyncState): SyncStatus {
  switch (state.connection) {
    case "closed":
      return "closed";
    case "connected":
      if (state.pendingLocalEdits) return "unsynced";
      if (!state.synced) return "connecting";
      return state.dirty ? "saving" : "synced";
    case "connecting":
    case "disconnected":
      // Before the first sync the notebook is still loading: set-up edits are not at risk yet.
      if (!state.everSynced && state.connection === "connecting") return "connecting";
      return state.pendingLocalEdits ? "offline-pending" : "offline";
  }
}
