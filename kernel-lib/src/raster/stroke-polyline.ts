import type { CoverageMask } from "./coverage-mask.js";

/**
 * Internal: covers a polyline through the points (xs[i], ys[i]) (image pixel coordinates, pixel
 * (i, j) spanning [i, i+1) × [j, j+1)) with a line `width` pixels wide. Anti-aliased: a pixel's
 * coverage is how far its centre lies inside the line's edge, plus half a pixel, clamped to
 * [0, 1] (a one-pixel-wide box filter across the edge); lines thinner than a pixel are drawn
 * one pixel wide at reduced coverage. A non-finite point breaks the line (a gap), and a lone
 * point draws nothing, as in plotly. Ends and joints are round.
 *
 * With `dash` (on/off lengths in pixels, from `dashPattern`) only the "on" stretches are
 * drawn; the pattern runs on along the line across its points and starts again after a gap,
 * as SVG's stroke-dasharray does for each subpath.
 *
 * @example
 * strokePolyline(mask, [80, 620], [200, 200], 2); // a horizontal line across the plot
 * strokePolyline(mask, [80, 620], [200, 200], 2, [9, 9]); // the same, dashed
 */
export function strokePolyline(mask: CoverageMask, xs: ArrayLike<number>, ys: ArrayLike<number>, width: number, dash?: readonly number[]): void {
  const half = Math.max(width, 1) / 2;
  const strength = Math.min(width, 1);
  const draw = (x0: number, y0: number, x1: number, y1: number) => segment(mask, x0, y0, x1, y1, half, strength);
  const pattern = dash === undefined ? undefined : new DashWalker(dash);
  for (let i = 0; i + 1 < xs.length; i++) {
    const [x0, y0, x1, y1] = [xs[i], ys[i], xs[i + 1], ys[i + 1]];
    if (!Number.isFinite(x0 + y0 + x1 + y1)) {
      pattern?.restart();
      continue;
    }
    if (pattern) pattern.walk(x0, y0, x1, y1, draw);
    else draw(x0, y0, x1, y1);
  }
}

/** Where along a dash pattern a line has got to: the pattern element and how much of it is left. */
class DashWalker {
  private index = 0;
  private left: number;

  constructor(private readonly lengths: readonly number[]) {
    this.left = lengths[0];
  }

  restart(): void {
    this.index = 0;
    this.left = this.lengths[0];
  }

  /** Hands the "on" stretches of the segment (x0, y0)–(x1, y1) to `draw` and advances the pattern by its length. */
  walk(x0: number, y0: number, x1: number, y1: number, draw: (x0: number, y0: number, x1: number, y1: number) => void): void {
    const length = Math.hypot(x1 - x0, y1 - y0);
    const at = (s: number): [number, number] => (length === 0 ? [x0, y0] : [x0 + ((x1 - x0) * s) / length, y0 + ((y1 - y0) * s) / length]);
    let s = 0;
    while (s < length) {
      const step = Math.min(this.left, length - s);
      if (this.index % 2 === 0 && step > 0) draw(...at(s), ...at(s + step));
      s += step;
      this.left -= step;
      if (this.left <= 0) {
        this.index = (this.index + 1) % this.lengths.length;
        this.left = this.lengths[this.index];
      }
    }
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
