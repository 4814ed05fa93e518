import { describe, expect, it } from "vitest";
import { drawText, textWidth } from "../../src/raster/draw-text.js";
import { createImage, type Rgba } from "../../src/raster/rgba-image.js";

const INK: Rgba = [0, 0, 0, 255];

/** The image as rows of "#" (ink) and "." (paper). */
function art(text: string, scale: number, vertical = false): string[] {
  const size = vertical ? [9 * scale, textWidth(text, scale)] : [textWidth(text, scale), 9 * scale];
  const image = createImage(size[0], size[1], [255, 255, 255, 255]);
  if (vertical) drawText(image, text, 0, size[1], { color: INK, scale, anchor: "start", vertical });
  else drawText(image, text, 0, 0, { color: INK, scale, anchor: "start" });
  return Array.from({ length: image.height }, (_, y) =>
    Array.from({ length: image.width }, (_, x) => (image.data[(y * image.width + x) * 4] === 0 ? "#" : ".")).join(""),
  );
}

describe("the bitmap font", () => {
  it("draws a 1 as its 5 × 7 glyph, with one blank column before the next glyph", () => {
    expect(art("1-", 1).slice(0, 7)).toEqual([
      "..#........",
      ".##........",
      "..#........",
      "..#...#####",
      "..#........",
      "..#........",
      ".###.......",
    ]);
  });

  it("hangs the tail of µ below the baseline", () => {
    expect(art("µ", 1)).toEqual([".....", ".....", "#...#", "#...#", "#...#", "##..#", "#.##.", "#....", "#...."]);
  });

  it("doubles every font pixel at scale 2", () => {
    const rows = art(".", 2);
    expect(rows.slice(10, 14)).toEqual(["..####....", "..####....", "..####....", "..####...."]);
    expect(textWidth("10", 2)).toBe(22);
  });

  it("turns vertical text a quarter counter-clockwise, reading upwards", () => {
    // "-" is a bar on glyph row 3; turned, it stands in column 3, bottom to top.
    const rows = art("-", 1, true);
    expect(rows.map((row) => row[3]).join("")).toBe("#####");
    expect(rows.every((row) => row.replace(/^...#/, "...").indexOf("#") === -1)).toBe(true);
  });

  it("draws a character it lacks as a question mark", () => {
    expect(art("€", 1)).toEqual(art("?", 1));
  });
});
