import type { ISignal } from "@lumino/signaling";

/**
 * The parts of y-websocket's `WebsocketProvider` (1.x, which jupyter-docprovider 3 uses)
 * that the sync indicator reads. Its events: `status` with `{ status }`, `sync` with a
 * boolean (true once the server's copy has been received after each (re)connection).
 */
export interface WebsocketProviderLike {
  readonly wsconnected: boolean;
  readonly wsconnecting: boolean;
  readonly synced: boolean;
  /** The open socket (null between reconnection attempts); `bufferedAmount` counts unsent bytes. */
  readonly ws: { readonly bufferedAmount: number } | null;
  on(event: "status", handler: (event: { status: "connecting" | "connected" | "disconnected" }) => void): void;
  on(event: "sync", handler: (synced: boolean) => void): void;
  off(event: "status", handler: (event: { status: "connecting" | "connected" | "disconnected" }) => void): void;
  off(event: "sync", handler: (synced: boolean) => void): void;
}

/**
 * jupyter-docprovider's `WebSocketProvider` as found in `ICollaborativeContentProvider.providers`:
 * its `wsProvider` getter returns the current y-websocket provider, which it replaces when it
 * reconnects after a load timeout and sets to null when disposed.
 */
export interface DocumentProviderLike {
  readonly wsProvider?: WebsocketProviderLike | null;
  readonly isDisposed?: boolean;
}

/** The parts of a `Y.Doc` the sync monitor observes: every update with its origin. */
export interface YDocLike {
  on(event: "update", handler: (update: Uint8Array, origin: unknown) => void): void;
  off(event: "update", handler: (update: Uint8Array, origin: unknown) => void): void;
}

/** The parts of `@jupyter/ydoc`'s `YDocument` (e.g. `YNotebook`) the sync monitor observes. */
export interface SharedDocumentLike {
  readonly ydoc: YDocLike;
  /** True while the document has changes the server has not written to the file. */
  readonly dirty: boolean;
  readonly isDisposed: boolean;
  readonly changed: ISignal<any, { stateChange?: ReadonlyArray<{ name: string; newValue?: unknown }> }>;
  readonly disposed: ISignal<any, void>;
}
