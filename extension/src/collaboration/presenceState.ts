/**
 * What pmxlab publishes about each user in a notebook's awareness (the Yjs awareness
 * protocol shares it with everyone in the same notebook, never stored in the file).
 *
 * It sits under the awareness field {@link PRESENCE_FIELD}, next to the `user` field that
 * jupyter-collaboration fills with the user's identity (name, initials, colour).
 */
export interface PresenceState {
  /** Id of the cell the user has selected (the notebook's active cell), if any. */
  readonly activeCellId?: string;
  /** Where the user's notebook view starts, if they have scrolled it. */
  readonly scroll?: ScrollAnchor;
  /**
   * How often this tab has lost sight of everyone else (its connection dropped). A new value
   * reaching the others tells them it has come back and needs their states again.
   */
  readonly rejoins?: number;
}

/**
 * A scroll position that survives different window sizes and edits above it: the first
 * cell visible at the top of the view and how far (CSS pixels) the view's top edge lies
 * below that cell's top edge (0 = the cell starts exactly at the top).
 */
export interface ScrollAnchor {
  readonly cellId: string;
  readonly offset: number;
}

/** Name of the awareness field holding a {@link PresenceState}. */
export const PRESENCE_FIELD = "pmxlab";

/**
 * The part of a `y-protocols` Awareness that presence uses, so a real `Awareness` (the
 * one every `YNotebook` carries) or a test double both fit.
 *
 * @example
 * ```ts
 * const awareness: AwarenessLike = notebookPanel.model!.sharedModel.awareness;
 * ```
 */
export interface AwarenessLike {
  readonly clientID: number;
  getStates(): Map<number, Record<string, unknown>>;
  getLocalState(): Record<string, unknown> | null;
  setLocalState(state: Record<string, unknown> | null): void;
  setLocalStateField(field: string, value: unknown): void;
  on(event: "change", handler: (change: AwarenessChange, origin: unknown) => void): void;
  off(event: "change", handler: (change: AwarenessChange, origin: unknown) => void): void;
}

/** Client ids whose awareness state appeared, changed or went away in one update. */
export interface AwarenessChange {
  readonly added: readonly number[];
  readonly updated: readonly number[];
  readonly removed: readonly number[];
}
