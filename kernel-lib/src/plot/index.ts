export { concentrationTimePlot } from "./concentration-time.js";
export type { ConcentrationTimeOptions, ObservedPoint, PlotSource } from "./concentration-time.js";
export type { PlotlyAxis, PlotlyButton, PlotlyFigure, PlotlyLayout, PlotlyTrace, PlotlyUpdateMenu } from "./figure.js";
