import { PRESENCE_FIELD, type PresenceState, type ScrollAnchor } from "./presenceState.js";

/** One person (one browser tab: one awareness client) in a notebook. */
export interface Collaborator {
  /** Awareness client id: unique per tab, so one user with two tabs appears twice. */
  readonly clientId: number;
  /** Name to show (jupyter-collaboration's `display_name`, else `name`, else `username`). */
  readonly name: string;
  /** One to three letters for the avatar. */
  readonly initials: string;
  /** A CSS colour (jupyter-collaboration uses theme variables such as `var(--jp-collaborator-color3)`). */
  readonly color: string;
  /** True for this tab's own client. */
  readonly isLocal: boolean;
  readonly activeCellId: string | null;
  readonly scroll: ScrollAnchor | null;
}

const FALLBACK_COLOR = "var(--jp-brand-color1)";

/**
 * Reads who is in a notebook from its awareness states, local user first, then others by
 * name (then client id), so the list does not reorder when someone merely moves.
 * Clients that have not published a `user` identity yet (still connecting) are left out;
 * malformed pmxlab fields from other clients are ignored, not trusted.
 *
 * @param states - `awareness.getStates()`: client id → that client's state.
 * @param localClientId - `awareness.clientID` of this tab.
 * @example
 * ```ts
 * const people = readCollaborators(awareness.getStates(), awareness.clientID);
 * people.filter((person) => !person.isLocal).map((person) => person.name);
 * ```
 */
export function readCollaborators(states: ReadonlyMap<number, Record<string, unknown>>, localClientId: number): Collaborator[] {
  const collaborators: Collaborator[] = [];
  for (const [clientId, state] of states) {
    const user = asRecord(state?.user);
    if (!user) continue;
    const name = firstText(user.display_name, user.name, user.username) ?? `#${clientId}`;
    const presence = asRecord(state[PRESENCE_FIELD]) as PresenceState | null;
    collaborators.push({
      clientId,
      name,
      initials: firstText(user.initials) ?? initialsOf(name),
      color: firstText(user.color) ?? FALLBACK_COLOR,
      isLocal: clientId === localClientId,
      activeCellId: firstText(presence?.activeCellId) ?? null,
      scroll: readScrollAnchor(presence?.scroll),
    });
  }
  return collaborators.sort(
    (a, b) => Number(b.isLocal) - Number(a.isLocal) || a.name.localeCompare(b.name) || a.clientId - b.clientId,
  );
}

function readScrollAnchor(value: unknown): ScrollAnchor | null {
  const anchor = asRecord(value);
  const cellId = firstText(anchor?.cellId);
  const offset = anchor?.offset;
  return cellId && typeof offset === "number" && Number.isFinite(offset) ? { cellId, offset } : null;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function firstText(...values: unknown[]): string | undefined {
  return values.find((value): value is string => typeof value === "string" && value.trim() !== "");
}

function initialsOf(name: string): string {
  const words = name.replace(/^#/, "").trim().split(/\s+/);
  return words
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase())
    .join("");
}
