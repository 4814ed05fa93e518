import type { Collaborator } from "./readCollaborators.js";

/** Where to take the local view to follow someone, as indices into the local notebook. */
export interface FollowTarget {
  readonly kind: "target";
  /** Index of the followed user's active cell, or null if they have none or it is gone. */
  readonly activeCellIndex: number | null;
  /** Cell to put at the top of the view and how far (px) to scroll past its top, or null to leave the scroll alone. */
  readonly scroll: { readonly cellIndex: number; readonly offset: number } | null;
}

/** The followed user is no longer in the notebook (closed it, or lost their connection). */
export interface FollowLost {
  readonly kind: "lost";
}

/**
 * Resolves where a followed user is in the local notebook.
 *
 * Scroll follows their scroll anchor; when that cell no longer exists (deleted by someone)
 * or they have not scrolled, the view goes to their active cell instead, so following
 * always shows what they are working on. Cell ids are resolved against the local cell list
 * because indices differ between clients while edits are in flight.
 *
 * @param collaborators - everyone in the notebook ({@link PresenceModel.collaborators}).
 * @param clientId - awareness client id of the user being followed.
 * @param cellIds - ids of the local notebook's cells, in order.
 * @example
 * ```ts
 * const target = resolveFollowTarget(presence.collaborators, 42, ["a", "b", "c"]);
 * if (target.kind === "target" && target.activeCellIndex !== null) notebook.activeCellIndex = target.activeCellIndex;
 * ```
 */
export function resolveFollowTarget(
  collaborators: readonly Collaborator[],
  clientId: number,
  cellIds: readonly string[],
): FollowTarget | FollowLost {
  const person = collaborators.find((candidate) => candidate.clientId === clientId);
  if (!person) return { kind: "lost" };
  if (person.isLocal) throw new Error(`resolveFollowTarget: client ${clientId} is the local user, who cannot follow themselves`);
  const indexOf = (cellId: string | null): number | null => {
    const index = cellId === null ? -1 : cellIds.indexOf(cellId);
    return index < 0 ? null : index;
  };
  const activeCellIndex = indexOf(person.activeCellId);
  const anchorIndex = indexOf(person.scroll?.cellId ?? null);
  const scroll =
    anchorIndex !== null
      ? { cellIndex: anchorIndex, offset: Math.max(0, person.scroll?.offset ?? 0) }
      : activeCellIndex !== null
        ? { cellIndex: activeCellIndex, offset: 0 }
        : null;
  return { kind: "target", activeCellIndex, scroll };
}
