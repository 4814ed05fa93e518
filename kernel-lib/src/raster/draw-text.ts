import { GLYPH_WIDTH, glyphRows } from "./bitmap-font.js";
import { fillRect, type Rgba, type RgbaImage } from "./rgba-image.js";

/** Where and how to draw a line of text. */
export interface TextStyle {
  color: Rgba;
  /** Each font pixel becomes a `scale × scale` square. */
  scale: number;
  /** Which point of the text (x, y) is: its start, middle or end along the line. */
  anchor: "start" | "middle" | "end";
  /** Read bottom to top (a y axis title), turned 90° counter-clockwise. */
  vertical?: boolean;
}

/** Font pixels from one glyph's start to the next's: the glyph and one blank column. */
const ADVANCE = GLYPH_WIDTH + 1;

/**
 * Internal: the length along the line, in image pixels, of `text` drawn at `scale`.
 *
 * @example
 * textWidth("10", 2); // 22
 */
export function textWidth(text: string, scale: number): number {
  const count = [...text].length;
  return count === 0 ? 0 : (count * ADVANCE - 1) * scale;
}

/**
 * Internal: draws `text` in the bitmap font. (x, y) is the anchor point on the top edge of the
 * capitals (for vertical text, on their left edge, the text running upwards).
 *
 * @example
 * drawText(image, "time (h)", 320, 380, { color: [0, 0, 0, 255], scale: 2, anchor: "middle" });
 */
export function drawText(image: RgbaImage, text: string, x: number, y: number, style: TextStyle): void {
  const { scale, color } = style;
  const width = textWidth(text, scale);
  const shift = style.anchor === "start" ? 0 : style.anchor === "middle" ? Math.round(width / 2) : width;
  let u0 = -shift;
  for (const char of text) {
    glyphRows(char).forEach((bits, row) => {
      for (let col = 0; col < GLYPH_WIDTH; col++) {
        if (!(bits & (1 << (GLYPH_WIDTH - 1 - col)))) continue;
        const u = u0 + col * scale;
        const v = row * scale;
        // Vertical text: along the line is up the image, down the glyph is right.
        if (style.vertical) fillRect(image, x + v, y - u - scale, x + v + scale, y - u, color);
        else fillRect(image, x + u, y + v, x + u + scale, y + v + scale, color);
      }
    });
    u0 += ADVANCE * scale;
  }
}
