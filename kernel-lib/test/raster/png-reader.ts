// An independent PNG reader for the tests: chunk walking, a bitwise CRC-32 (no table, straight
// from the PNG specification's definition), node:zlib for inflate, and all five scanline filters.
import { inflateSync } from "node:zlib";

export interface PngChunk {
  type: string;
  data: Uint8Array;
  crc: number;
}

export interface DecodedPng {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  /** RGBA, four bytes a pixel, whatever the stored colour type. */
  rgba: Uint8Array;
}

export const PNG_SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

/** CRC-32 bit by bit: polynomial x³² + x²⁶ + … + 1, reflected (0xEDB88320), preset and final XOR all ones. */
export function bitwiseCrc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

export function readChunks(png: Uint8Array): PngChunk[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: PngChunk[] = [];
  for (let offset = 8; offset < png.length; ) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    chunks.push({ type, data: png.subarray(offset + 8, offset + 8 + length), crc: view.getUint32(offset + 8 + length) });
    offset += 12 + length;
  }
  return chunks;
}

export function decodePng(png: Uint8Array): DecodedPng {
  const chunks = readChunks(png);
  const header = new DataView(chunks[0].data.buffer, chunks[0].data.byteOffset, 13);
  const width = header.getUint32(0);
  const height = header.getUint32(4);
  const bitDepth = chunks[0].data[8];
  const colorType = chunks[0].data[9];
  if (bitDepth !== 8 || (colorType !== 2 && colorType !== 6)) throw new Error(`test reader: bit depth ${bitDepth}, colour type ${colorType} not supported`);
  const channels = colorType === 6 ? 4 : 3;
  const compressed = Buffer.concat(chunks.filter((c) => c.type === "IDAT").map((c) => c.data));
  const raw = new Uint8Array(inflateSync(compressed));
  const stride = width * channels;
  const lines = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i];
      const a = i >= channels ? lines[y * stride + i - channels] : 0;
      const b = y > 0 ? lines[(y - 1) * stride + i] : 0;
      const c = i >= channels && y > 0 ? lines[(y - 1) * stride + i - channels] : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      lines[y * stride + i] = (x + predictor) & 255;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    for (let c = 0; c < 4; c++) rgba[p * 4 + c] = c < channels ? lines[p * channels + c] : 255;
  }
  return { width, height, bitDepth, colorType, rgba };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** The [r, g, b, a] of pixel (x, y). */
export function pixel(image: { width: number; rgba: Uint8Array }, x: number, y: number): number[] {
  const i = (y * image.width + x) * 4;
  return Array.from(image.rgba.subarray(i, i + 4));
}
