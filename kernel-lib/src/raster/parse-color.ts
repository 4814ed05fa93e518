import { RasterError } from "./raster-error.js";
import type { Rgba } from "./rgba-image.js";

/** Plotly's default trace colours ("D3 category 10"), used in turn for traces without a colour. */
export const PLOTLY_PALETTE: readonly string[] = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

/** The CSS named colours a figure is likely to carry; others are an error rather than a guess. */
const NAMED: Record<string, string> = {
  black: "#000000",
  white: "#ffffff",
  gray: "#808080",
  grey: "#808080",
  lightgray: "#d3d3d3",
  darkgray: "#a9a9a9",
  red: "#ff0000",
  green: "#008000",
  blue: "#0000ff",
  orange: "#ffa500",
  purple: "#800080",
  brown: "#a52a2a",
  pink: "#ffc0cb",
  navy: "#000080",
  teal: "#008080",
  steelblue: "#4682b4",
  firebrick: "#b22222",
  darkgreen: "#006400",
};

/**
 * Reads a CSS colour as plotly accepts it: `#rgb`, `#rrggbb`, `rgb(r, g, b)`, `rgba(r, g, b, a)`
 * (a from 0 to 1), `transparent`, or one of a few names (black, white, gray, red, green,
 * blue, orange, purple, …). `where` names the figure part for the error message.
 *
 * @example
 * parseColor("rgba(31,119,180,0.25)", "data[0].fillcolor"); // [31, 119, 180, 64]
 */
export function parseColor(text: string, where: string): Rgba {
  const value = text.trim().toLowerCase();
  if (value === "transparent") return [0, 0, 0, 0];
  const hex = NAMED[value] ?? value;
  if (/^#[0-9a-f]{6}$/.test(hex)) return [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16), 255];
  if (/^#[0-9a-f]{3}$/.test(hex)) return [17 * parseInt(hex[1], 16), 17 * parseInt(hex[2], 16), 17 * parseInt(hex[3], 16), 255];
  const match = /^rgba?\(([^)]*)\)$/.exec(value);
  const parts = match?.[1].split(",").map((p) => (p.trim() === "" ? NaN : Number(p)));
  const rgbOk = parts !== undefined && (parts.length === 3 || parts.length === 4) && parts.slice(0, 3).every((c) => c >= 0 && c <= 255);
  const alphaOk = parts !== undefined && (parts.length === 3 || (parts[3] >= 0 && parts[3] <= 1));
  if (parts === undefined || !rgbOk || !alphaOk) {
    throw new RasterError(`${where}: cannot read the colour "${text}"; use #rrggbb, rgb(r, g, b), rgba(r, g, b, a) or a basic colour name`);
  }
  const [r, g, b, a = 1] = parts;
  return [Math.round(r), Math.round(g), Math.round(b), Math.round(a * 255)];
}
