export { concentrationTimePlot } from "./concentration-time.js";
export type { ConcentrationTimeOptions, ObservedPoint, PlotSource } from "./concentration-time.js";
export type { PlotlyAxis, PlotlyButton, PlotlyButtonValue, PlotlyFigure, PlotlyLayout, PlotlyTrace, PlotlyUpdateMenu } from "./figure.js";
export { percentileBandPlot, type BandSource, type BandTrace, type PercentileBandFigure, type PercentileBandOptions } from "./percentile-band-plot.js";
export { vpcPlot, type VpcBandTrace, type VpcBins, type VpcFigure, type VpcObserved, type VpcOptions, type VpcReplicateQuantiles, type VpcSimulatedMatrix } from "./vpc.js";
export type { ConcentrationBand, ReferenceLine, ReferenceOptions } from "./reference-lines.js";
