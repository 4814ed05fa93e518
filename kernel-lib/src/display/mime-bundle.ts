import type { PlotlyFigure } from "../plot/figure.js";

/** The MIME type of a plotly figure, drawn by JupyterLab's plotly renderer. */
export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

/**
 * A notebook display bundle: the figure as JSON under {@link PLOTLY_MIME}, and a short
 * `text/plain` summary for front ends without a plotly renderer (and for `nbconvert --to text`).
 */
export interface FigureBundle {
  "application/vnd.plotly.v1+json": PlotlyFigure;
  "text/plain": string;
}

/**
 * Wraps a figure as a MIME bundle. The text summary counts the traces and names the y axis.
 *
 * @example
 * const bundle = toMimeBundle(concentrationTimePlot(sim));
 * bundle["text/plain"]; // "plotly figure: 3 traces, y: CP (mg/L)"
 */
export function toMimeBundle(fig: PlotlyFigure): FigureBundle {
  const count = fig.data.length;
  const y = fig.layout.yaxis.title?.text;
  const summary = `plotly figure: ${count} trace${count === 1 ? "" : "s"}${y === undefined ? "" : `, y: ${y}`}`;
  return { [PLOTLY_MIME]: fig, "text/plain": summary };
}
