import { blendPixel, type Rgba, type RgbaImage } from "./rgba-image.js";

/** A rectangle of whole pixels: columns [left, right), rows [top, bottom). */
export interface PixelRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Internal: how much of each pixel one shape covers (0–1), collected before the shape is
 * painted. A polyline's segments overlap at their joints; taking the largest coverage per
 * pixel and painting once keeps those joints from darkening under a translucent colour.
 * Pixels outside `clip` (the plot area) are never covered.
 *
 * @example
 * const mask = new CoverageMask(640, 400, { left: 80, top: 20, right: 620, bottom: 340 });
 * mask.cover(100, 100, 0.5);
 * mask.paint(image, [31, 119, 180, 255]);
 */
export class CoverageMask {
  private readonly coverage: Float32Array;
  /** Indices of the pixels covered since the last paint, so painting skips the rest. */
  private touched: number[] = [];

  constructor(
    readonly width: number,
    height: number,
    readonly clip: PixelRect,
  ) {
    this.coverage = new Float32Array(width * height);
  }

  /** Raises pixel (x, y)'s coverage to `amount` (nothing outside the clip rectangle). */
  cover(x: number, y: number, amount: number): void {
    const { clip } = this;
    if (x < clip.left || x >= clip.right || y < clip.top || y >= clip.bottom || amount <= 0) return;
    const i = y * this.width + x;
    if (this.coverage[i] === 0) this.touched.push(i);
    if (amount > this.coverage[i]) this.coverage[i] = Math.min(1, amount);
  }

  /** Paints `color` over `image` where covered, then clears the mask for the next shape. */
  paint(image: RgbaImage, color: Rgba): void {
    for (const i of this.touched) {
      blendPixel(image, i % this.width, Math.floor(i / this.width), color, this.coverage[i]);
      this.coverage[i] = 0;
    }
    this.touched = [];
  }
}
