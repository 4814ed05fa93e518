import type { CoverageMask } from "./coverage-mask.js";

/** Ring width of open markers (plotly's default marker line width is 1; one more reads better in a small image). */
const RING = 1.5;

/**
 * Internal: covers a round marker of diameter `size` pixels centred at (x, y): a disc, or a
 * ring for plotly's open symbols (`"circle-open"`, any symbol ending in "-open"). Other
 * plotly symbols are drawn as circles. Anti-aliased like {@link strokePolyline}.
 *
 * @example
 * drawMarker(mask, 320, 200, 7, true);
 */
export function drawMarker(mask: CoverageMask, x: number, y: number, size: number, open: boolean): void {
  if (!Number.isFinite(x + y)) return;
  const r = size / 2;
  for (let py = Math.floor(y - r - 1); py < Math.ceil(y + r + 1); py++) {
    for (let px = Math.floor(x - r - 1); px < Math.ceil(x + r + 1); px++) {
      const d = Math.sqrt((px + 0.5 - x) ** 2 + (py + 0.5 - y) ** 2);
      const outside = r + 0.5 - d;
      mask.cover(px, py, open ? Math.min(outside, d - (r - RING) + 0.5, 1) : Math.min(outside, 1));
    }
  }
}
