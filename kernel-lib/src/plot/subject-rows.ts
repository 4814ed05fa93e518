/**
 * Internal: the row indices of each subject, keyed by ID in order of first appearance.
 * Rows of a subject need not be contiguous; within a subject they keep their row order.
 */
export function subjectRows(id: Float64Array): Map<number, number[]> {
  const rows = new Map<number, number[]>();
  for (let r = 0; r < id.length; r++) {
    const list = rows.get(id[r]);
    if (list) list.push(r);
    else rows.set(id[r], [r]);
  }
  return rows;
}
