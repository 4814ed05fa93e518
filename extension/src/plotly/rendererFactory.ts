import type { IRenderMime } from "@jupyterlab/rendermime-interfaces";
import { PLOTLY_MIME_TYPE } from "./plotlyFigure.js";
import { loadPlotly, type PlotlyLoader } from "./plotlyLoader.js";
import { PlotlyRenderer } from "./PlotlyRenderer.js";

/**
 * Makes the renderer factory for plotly figures; `load` is injectable so tests can run
 * without a browser layout engine.
 */
export function createPlotlyRendererFactory(load: PlotlyLoader = loadPlotly): IRenderMime.IRendererFactory {
  return {
    safe: true,
    mimeTypes: [PLOTLY_MIME_TYPE],
    defaultRank: 50,
    createRenderer: (options) => new PlotlyRenderer(options, load),
  };
}
