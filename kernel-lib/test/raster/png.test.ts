import { describe, expect, it } from "vitest";
import { encodePng, figureToPng } from "../../src/raster/index.js";
import { toBase64 } from "../../src/raster/base64.js";
import type { PlotlyFigure } from "../../src/plot/index.js";
import { bitwiseCrc32, decodePng, PNG_SIGNATURE, readChunks } from "./png-reader.js";

const fig: PlotlyFigure = {
  data: [{ type: "scatter", mode: "lines", name: "ID 1", x: [0, 1, 2, 4], y: [0, 8, 6, 3] }],
  layout: { title: { text: "one subject" }, xaxis: { title: { text: "time (h)" } }, yaxis: { title: { text: "CP (µg/L)" }, type: "linear" }, showlegend: true },
};

/** Deterministic bytes from a 32-bit LCG (Numerical Recipes constants), so failures reproduce. */
function seededBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

describe("figureToPng", () => {
  const png = figureToPng(fig);

  it("starts with the PNG signature and an IHDR of 640 × 400, 8-bit RGB", () => {
    expect(Array.from(png.subarray(0, 8))).toEqual(PNG_SIGNATURE);
    const [ihdr] = readChunks(png);
    expect(ihdr.type).toBe("IHDR");
    expect(ihdr.data.length).toBe(13);
    const decoded = decodePng(png);
    expect([decoded.width, decoded.height, decoded.bitDepth, decoded.colorType]).toEqual([640, 400, 8, 2]);
    expect(Array.from(ihdr.data.subarray(10))).toEqual([0, 0, 0]); // deflate, adaptive filters, no interlace
  });

  it("has chunks IHDR, IDAT…, IEND whose CRCs match an independent bitwise CRC-32", () => {
    const chunks = readChunks(png);
    expect(chunks[0].type).toBe("IHDR");
    expect(chunks.at(-1)?.type).toBe("IEND");
    expect(chunks.slice(1, -1).every((c) => c.type === "IDAT")).toBe(true);
    for (const c of chunks) {
      const typed = new Uint8Array([...Buffer.from(c.type, "latin1"), ...c.data]);
      expect(c.crc).toBe(bitwiseCrc32(typed));
    }
    // The IEND chunk's CRC is the same in every PNG file: AE 42 60 82.
    expect(chunks.at(-1)?.crc).toBe(0xae426082);
  });

  it("takes the size asked for", () => {
    const decoded = decodePng(figureToPng(fig, { width: 320, height: 200 }));
    expect([decoded.width, decoded.height]).toEqual([320, 200]);
  });

  it("gives the same bytes for the same figure", () => {
    expect(Buffer.from(figureToPng(JSON.parse(JSON.stringify(fig)))).equals(Buffer.from(png))).toBe(true);
  });

  it("rejects a size it cannot draw, naming it", () => {
    expect(() => figureToPng(fig, { width: 50 })).toThrow("figure image width is 50; give a whole number of pixels from 160 to 4096");
    expect(() => figureToPng(fig, { height: 300.5 })).toThrow("figure image height is 300.5; give a whole number of pixels from 120 to 4096");
  });
});

describe("encodePng", () => {
  it("round-trips translucent pixels as RGBA (colour type 6)", () => {
    const image = { width: 7, height: 5, data: seededBytes(7 * 5 * 4, 42) };
    const decoded = decodePng(encodePng(image));
    expect(decoded.colorType).toBe(6);
    expect(Buffer.from(decoded.rgba).equals(Buffer.from(image.data))).toBe(true);
  });

  it("round-trips opaque pixels as RGB (colour type 2)", () => {
    const data = seededBytes(9 * 4 * 4, 7);
    for (let i = 3; i < data.length; i += 4) data[i] = 255;
    const decoded = decodePng(encodePng({ width: 9, height: 4, data }));
    expect(decoded.colorType).toBe(2);
    expect(Buffer.from(decoded.rgba).equals(Buffer.from(data))).toBe(true);
  });
});

describe("toBase64", () => {
  it("agrees with Node's base64 for every padding case and for a PNG", () => {
    for (let length = 0; length <= 9; length++) {
      const bytes = seededBytes(length, length + 1);
      expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
    }
    const png = figureToPng(fig);
    expect(toBase64(png)).toBe(Buffer.from(png).toString("base64"));
  });

  it("encodes the RFC 4648 test vectors", () => {
    const vectors: [string, string][] = [["", ""], ["f", "Zg=="], ["fo", "Zm8="], ["foo", "Zm9v"], ["foob", "Zm9vYg=="], ["fooba", "Zm9vYmE="], ["foobar", "Zm9vYmFy"]];
    for (const [text, expected] of vectors) expect(toBase64(new TextEncoder().encode(text))).toBe(expected);
  });
});
