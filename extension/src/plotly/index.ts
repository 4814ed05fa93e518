export { PLOTLY_MIME_TYPE, parsePlotlyFigure } from "./plotlyFigure.js";
export type { PlotlyFigure } from "./plotlyFigure.js";
export { loadPlotly } from "./plotlyLoader.js";
export type { PlotlyApi, PlotlyLoader } from "./plotlyLoader.js";
export { PlotlyRenderer } from "./PlotlyRenderer.js";
export { createPlotlyRendererFactory } from "./rendererFactory.js";
export { themedLayout } from "./themedLayout.js";
export { ThemedPlot } from "./ThemedPlot.js";
export { loadFailure, showRenderError } from "./renderError.js";
