import { RasterError } from "./raster-error.js";

/**
 * Internal: the on/off lengths (pixels, starting with a dash) of a plotly `line.dash` for a line
 * `width` pixels wide, as plotly.js draws it (Drawing.dashStyle in plotly.js 2–4): with
 * w = max(width, 3), "dot" is w on, w off; "dash" 3w, 3w; "longdash" 5w, 5w; "dashdot"
 * 3w, w, w, w; "longdashdot" 5w, 2w, w, 2w; or an explicit list of lengths such as
 * "5px,10px,2px,2px". Undefined for a solid line ("solid", unset, or lengths that sum to 0).
 * An odd list is repeated once, as SVG's stroke-dasharray does. Throws {@link RasterError}
 * naming `where` for any other value.
 *
 * @example
 * dashPattern("dash", 2, "data[0].line.dash"); // [9, 9]
 */
export function dashPattern(dash: string | undefined, width: number, where: string): number[] | undefined {
  if (dash === undefined || dash === "solid") return undefined;
  const w = Math.max(width, 3);
  const named: Record<string, number[]> = { dot: [w, w], dash: [3 * w, 3 * w], longdash: [5 * w, 5 * w], dashdot: [3 * w, w, w, w], longdashdot: [5 * w, 2 * w, w, 2 * w] };
  if (Object.prototype.hasOwnProperty.call(named, dash)) return named[dash];
  const lengths = dash.split(/[\s,]+/).map((part) => (/^\d+(\.\d+)?(px)?$/.test(part) ? parseFloat(part) : NaN));
  if (lengths.some(Number.isNaN)) {
    throw new RasterError(`${where} is "${dash}"; use solid, dot, dash, longdash, dashdot, longdashdot or pixel lengths such as "5px,10px"`);
  }
  if (lengths.reduce((sum, length) => sum + length, 0) === 0) return undefined;
  return lengths.length % 2 === 1 ? [...lengths, ...lengths] : lengths;
}
