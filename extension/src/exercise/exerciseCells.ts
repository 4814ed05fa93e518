import type { ICellModel } from "@jupyterlab/cells";

/** The exercise of a cell model from its metadata `pmxlab.exercise` (id and hints only; the check validates the rest). */
export function cellExercise(cell: ICellModel): { id: string; hints: string[] } | undefined {
  const pmxlab = cell.getMetadata("pmxlab") as { exercise?: { id?: unknown; hints?: unknown } } | undefined;
  const id = pmxlab?.exercise?.id;
  if (cell.type !== "code" || typeof id !== "string") return undefined;
  const hints = Array.isArray(pmxlab!.exercise!.hints) ? pmxlab!.exercise!.hints.filter((h): h is string => typeof h === "string") : [];
  return { id, hints };
}

/** How many cells of the notebook carry each exercise id (two or more: a duplicated cell). */
export function exerciseCounts(cells: Iterable<ICellModel>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const cell of cells) {
    const e = cellExercise(cell);
    if (e) counts.set(e.id, (counts.get(e.id) ?? 0) + 1);
  }
  return counts;
}
