import type { ScrollAnchor } from "./presenceState.js";

/** A cell's id and its vertical extent, in any one coordinate system shared with the view's top. */
export interface CellExtent {
  readonly id: string;
  readonly top: number;
  readonly bottom: number;
}

/**
 * The scroll anchor of a view whose top edge is at `viewTop`: the first cell (in notebook
 * order) that reaches below the top edge, and how far the top edge is below that cell's top
 * (0 when the cell starts inside the view). Null when no cell reaches the view (empty notebook).
 * Cells not laid out (windowed out of the DOM) are simply left out of `cells`.
 *
 * @example
 * ```ts
 * topVisibleAnchor(120, [{ id: "a", top: 0, bottom: 100 }, { id: "b", top: 100, bottom: 300 }]);
 * // { cellId: "b", offset: 20 }
 * ```
 */
export function topVisibleAnchor(viewTop: number, cells: readonly CellExtent[]): ScrollAnchor | null {
  const cell = cells.find((candidate) => candidate.bottom > viewTop);
  return cell ? { cellId: cell.id, offset: Math.max(0, Math.round(viewTop - cell.top)) } : null;
}
