import type { PlotlyFigure } from "./figure.js";

export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

/** A notebook display bundle: the plotly figure plus a text fallback for other front ends. */
export interface FigureBundle {
  [PLOTLY_MIME]: PlotlyFigure;
  "text/plain": string;
}

/** Wraps a figure as a MIME bundle with a short `text/plain` summary. */
export function toMimeBundle(fig: PlotlyFigure): FigureBundle {
  const y = fig.layout.yaxis.title?.text ?? "y";
  const lines = fig.data.filter((t) => t.mode !== "markers").length;
  return { [PLOTLY_MIME]: fig, "text/plain": `plotly figure: ${lines} line trace(s) of ${y} vs ${fig.layout.xaxis.title?.text ?? "x"}` };
}
