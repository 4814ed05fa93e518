/** An RGBA colour, each channel 0–255 (alpha 255 = opaque). */
export type Rgba = readonly [number, number, number, number];

/**
 * A raster image: `data` holds `width × height` pixels row by row from the top-left, four
 * bytes each (red, green, blue, alpha), non-premultiplied, as a PNG of colour type 6 stores them.
 */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * Internal: a new image filled with `background`.
 *
 * @example
 * createImage(640, 400, [255, 255, 255, 255]).data.length; // 1,024,000
 */
export function createImage(width: number, height: number, background: Rgba): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  fillRect({ width, height, data }, 0, 0, width, height, background);
  return { width, height, data };
}

/**
 * Internal: paints `color` over pixel (x, y) with opacity `coverage` (0–1) times the colour's
 * own alpha ("over" compositing onto the opaque images this module draws); pixels outside
 * the image are ignored.
 *
 * @example
 * blendPixel(image, 3, 4, [31, 119, 180, 255], 0.5);
 */
export function blendPixel(image: RgbaImage, x: number, y: number, color: Rgba, coverage: number): void {
  if (x < 0 || y < 0 || x >= image.width || y >= image.height || coverage <= 0) return;
  const a = Math.min(1, coverage) * (color[3] / 255);
  const i = (y * image.width + x) * 4;
  const d = image.data;
  d[i] = Math.round(d[i] + (color[0] - d[i]) * a);
  d[i + 1] = Math.round(d[i + 1] + (color[1] - d[i + 1]) * a);
  d[i + 2] = Math.round(d[i + 2] + (color[2] - d[i + 2]) * a);
  d[i + 3] = Math.round(d[i + 3] + (255 - d[i + 3]) * a);
}

/**
 * Internal: fills the pixel rectangle [x0, x1) × [y0, y1) (clamped to the image) with `color`.
 *
 * @example
 * fillRect(image, 0, 0, 10, 10, [229, 236, 246, 255]);
 */
export function fillRect(image: RgbaImage, x0: number, y0: number, x1: number, y1: number, color: Rgba): void {
  const [left, right] = [Math.max(0, x0), Math.min(image.width, x1)];
  if (left >= right) return;
  for (let y = Math.max(0, y0); y < Math.min(image.height, y1); y++) {
    if (color[3] < 255) {
      for (let x = left; x < right; x++) blendPixel(image, x, y, color, 1);
      continue;
    }
    // Opaque: write the first pixel, then double the written run (much faster than pixel by pixel).
    const start = (y * image.width + left) * 4;
    const end = (y * image.width + right) * 4;
    image.data.set(color, start);
    for (let done = 4; start + done < end; done *= 2) image.data.copyWithin(start + done, start, start + Math.min(done, end - start - done));
  }
}
