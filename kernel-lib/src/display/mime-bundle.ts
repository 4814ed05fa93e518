import type { PlotlyFigure } from "../plot/figure.js";
import { toBase64 } from "../raster/base64.js";
import { figureToPng } from "../raster/figure-to-png.js";
import { RasterError } from "../raster/raster-error.js";
import type { RasterOptions } from "../raster/render-figure.js";
import type { InteractiveSpec } from "./interactive-spec.js";

/** The MIME type of a plotly figure, drawn by JupyterLab's plotly renderer. */
export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

/**
 * A notebook display bundle: the figure as JSON under {@link PLOTLY_MIME}; a static
 * `image/png` (base64) for viewers without a plotly renderer, such as GitHub and nbviewer,
 * which show the richest type they can draw; and a short `text/plain` summary (for
 * `nbconvert --to text`, and where even images are not shown).
 */
export interface FigureBundle {
  "application/vnd.plotly.v1+json": PlotlyFigure;
  "image/png"?: string;
  "text/plain": string;
}

/** Options of {@link toMimeBundle}. */
export interface MimeBundleOptions {
  /**
   * Add the `image/png` fallback (default true), optionally at another size than 640 × 400.
   * Drawing and compressing it costs some milliseconds per figure; turn it off for
   * figures redrawn many times a second (sliders).
   */
  png?: boolean | RasterOptions;
}

/**
 * Wraps a figure as a MIME bundle. The text summary counts the traces and names the y axis.
 * Should the figure not be drawable as an image (a colour the rasteriser cannot read), the
 * bundle has no `image/png` and the text summary says why.
 *
 * @example
 * const bundle = toMimeBundle(concentrationTimePlot(sim));
 * bundle["text/plain"]; // "plotly figure: 3 traces, y: CP (mg/L)"
 * bundle["image/png"]?.slice(0, 8); // "iVBORw0K" (the PNG signature in base64)
 */
export function toMimeBundle(fig: PlotlyFigure, options: MimeBundleOptions = {}): FigureBundle {
  const count = fig.data.length;
  const y = fig.layout.yaxis.title?.text;
  const summary = `plotly figure: ${count} trace${count === 1 ? "" : "s"}${y === undefined ? "" : `, y: ${y}`}`;
  const png = options.png ?? true;
  if (png === false) return { [PLOTLY_MIME]: fig, "text/plain": summary };
  try {
    const image = toBase64(figureToPng(fig, png === true ? {} : png));
    return { [PLOTLY_MIME]: fig, "image/png": image, "text/plain": summary };
  } catch (error) {
    if (!(error instanceof RasterError)) throw error;
    return { [PLOTLY_MIME]: fig, "text/plain": `${summary} (no image/png: ${error.message})` };
  }
}

/**
 * The display bundle of an interactive simulation (see `interactive`): the spec for the
 * pmxlab renderer with sliders, the figure of the starting values (plotly JSON and PNG) for
 * front ends without it, and a `text/plain` summary.
 */
export interface InteractiveBundle {
  "application/vnd.pmxlab.interactive+json": InteractiveSpec;
  "application/vnd.plotly.v1+json": PlotlyFigure;
  "image/png"?: string;
  "text/plain": string;
}
