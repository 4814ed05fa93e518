import type { PlotlyFigure } from "../plot/figure.js";
import { encodePng } from "./encode-png.js";
import { renderFigure, type RasterOptions } from "./render-figure.js";

/**
 * A figure as the bytes of a PNG file (default 640 × 400 px), drawn by {@link renderFigure}:
 * the static image a notebook keeps for viewers without plotly (GitHub, nbviewer), and a
 * way to save a plot from code. Runs anywhere the library does (no DOM, no canvas).
 *
 * @example
 * import { writeFileSync } from "node:fs";
 * writeFileSync("cp.png", figureToPng(concentrationTimePlot(sim, { log: true }), { width: 800, height: 500 }));
 */
export function figureToPng(fig: PlotlyFigure, options: RasterOptions = {}): Uint8Array {
  return encodePng(renderFigure(fig, options));
}
