import type { CoverageMask } from "./coverage-mask.js";

/** Sub-rows sampled per pixel row: coverage comes in steps of 1/4 vertically, exact horizontally. */
const SUBROWS = 4;

/**
 * Internal: covers the inside of the polygon through (xs[i], ys[i]) (closed back to the first
 * point; even–odd rule, as a canvas `fill("evenodd")`), anti-aliased by sampling four rows per
 * pixel and taking exact horizontal overlap. Non-finite points are left out.
 *
 * @example
 * fillPolygon(mask, [100, 200, 200, 100], [50, 50, 150, 150]); // a 100 × 100 square
 */
export function fillPolygon(mask: CoverageMask, xs: ArrayLike<number>, ys: ArrayLike<number>): void {
  const px: number[] = [];
  const py: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    if (Number.isFinite(xs[i] + ys[i])) {
      px.push(xs[i]);
      py.push(ys[i]);
    }
  }
  if (px.length < 3) return;
  const { clip } = mask;
  const top = Math.max(clip.top, Math.floor(Math.min(...py)));
  const bottom = Math.min(clip.bottom, Math.ceil(Math.max(...py)));
  const row = new Float32Array(clip.right - clip.left);
  for (let y = top; y < bottom; y++) {
    row.fill(0);
    for (let s = 0; s < SUBROWS; s++) {
      const crossings = rowCrossings(px, py, y + (s + 0.5) / SUBROWS);
      for (let k = 0; k + 1 < crossings.length; k += 2) addSpan(row, crossings[k] - clip.left, crossings[k + 1] - clip.left);
    }
    for (let x = 0; x < row.length; x++) if (row[x] > 0) mask.cover(clip.left + x, y, row[x] / SUBROWS);
  }
}

/** x where the polygon's edges cross the horizontal line at `y`, sorted. */
function rowCrossings(px: number[], py: number[], y: number): number[] {
  const xs: number[] = [];
  for (let i = 0, j = px.length - 1; i < px.length; j = i++) {
    // Half-open in y, so a vertex on the line counts once.
    if (py[i] <= y !== py[j] <= y) xs.push(px[j] + ((y - py[j]) * (px[i] - px[j])) / (py[i] - py[j]));
  }
  return xs.sort((a, b) => a - b);
}

/** Adds to each cell of `row` how much of it [a, b) covers. */
function addSpan(row: Float32Array, a: number, b: number): void {
  const from = Math.max(0, a);
  const to = Math.min(row.length, b);
  for (let x = Math.floor(from); x < to; x++) row[x] += Math.min(x + 1, to) - Math.max(x, from);
}
