import type { CoverageMask } from "./coverage-mask.js";

/**
 * Internal: covers a polyline through the points (xs[i], ys[i]) (image pixel coordinates, pixel
 * (i, j) spanning [i, i+1) × [j, j+1)) with a line `width` pixels wide. Anti-aliased: a pixel's
 * coverage is how far its centre lies inside the line's edge, plus half a pixel, clamped to
 * [0, 1] (a one-pixel-wide box filter across the edge); lines thinner than a pixel are drawn
 * one pixel wide at reduced coverage. A non-finite point breaks the line (a gap), and a lone
 * point draws nothing, as in plotly. Ends and joints are round.
 *
 * @example
 * strokePolyline(mask, [80, 620], [200, 200], 2); // a horizontal line across the plot
 */
export function strokePolyline(mask: CoverageMask, xs: ArrayLike<number>, ys: ArrayLike<number>, width: number): void {
  const half = Math.max(width, 1) / 2;
  const strength = Math.min(width, 1);
  for (let i = 0; i + 1 < xs.length; i++) {
    const [x0, y0, x1, y1] = [xs[i], ys[i], xs[i + 1], ys[i + 1]];
    if (!Number.isFinite(x0 + y0 + x1 + y1)) continue;
    segment(mask, x0, y0, x1, y1, half, strength);
  }
}

function segment(mask: CoverageMask, x0: number, y0: number, x1: number, y1: number, half: number, strength: number): void {
  const { clip } = mask;
  const reach = half + 1;
  const left = Math.max(clip.left, Math.floor(Math.min(x0, x1) - reach));
  const right = Math.min(clip.right, Math.ceil(Math.max(x0, x1) + reach));
  const top = Math.max(clip.top, Math.floor(Math.min(y0, y1) - reach));
  const bottom = Math.min(clip.bottom, Math.ceil(Math.max(y0, y1) + reach));
  const dx = x1 - x0;
  const dy = y1 - y0;
  const length2 = dx * dx + dy * dy;
  for (let py = top; py < bottom; py++) {
    for (let px = left; px < right; px++) {
      const cx = px + 0.5 - x0;
      const cy = py + 0.5 - y0;
      // Distance from the pixel centre to the nearest point of the segment.
      const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, (cx * dx + cy * dy) / length2));
      const distance = Math.sqrt((cx - t * dx) ** 2 + (cy - t * dy) ** 2);
      mask.cover(px, py, Math.min(1, half + 0.5 - distance) * strength);
    }
  }
}
