export { concentrationTimePlot } from "./concentration-time.js";
export type { ConcentrationTimeOptions, PlotSource } from "./concentration-time.js";
export type { PlotlyAxis, PlotlyFigure, PlotlyTrace } from "./figure.js";
export { PLOTLY_MIME, toMimeBundle } from "./mime-bundle.js";
export type { FigureBundle } from "./mime-bundle.js";
export { show } from "./show.js";
export type { DisplayTarget } from "./show.js";
