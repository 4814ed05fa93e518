import type { PlotlyFigure } from "./figure.js";
import { PLOTLY_MIME, toMimeBundle, type FigureBundle } from "./mime-bundle.js";

/** The part of the tslab module `show` uses: `import * as tslab from "tslab"`. */
export interface DisplayTarget {
  display: { raw(contentType: string, value: string): void };
}

/**
 * Shows a figure in a notebook. Pass the tslab module to display it in the TypeScript
 * kernel; without it the MIME bundle is returned (for other front ends and for tests).
 * tslab's public `display.raw` sends one MIME type per message, so the figure goes as
 * plotly JSON; the `text/plain` summary is only in the returned bundle.
 *
 * @example
 * import * as tslab from "tslab";
 * show(concentrationTimePlot(sim), tslab);
 */
export function show(fig: PlotlyFigure, target?: DisplayTarget): FigureBundle {
  const bundle = toMimeBundle(fig);
  target?.display.raw(PLOTLY_MIME, JSON.stringify(fig));
  return bundle;
}
