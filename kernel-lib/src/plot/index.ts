export { concentrationTimePlot } from "./concentration-time.js";
export type { ConcentrationTimeOptions, ObservedPoint, PlotSource } from "./concentration-time.js";
export type { PlotlyAxis, PlotlyButton, PlotlyFigure, PlotlyLayout, PlotlyTrace, PlotlyUpdateMenu } from "./figure.js";
export { vpcPlot, type VpcBandTrace, type VpcBins, type VpcFigure, type VpcObserved, type VpcOptions, type VpcReplicateQuantiles, type VpcSimulatedMatrix } from "./vpc.js";
