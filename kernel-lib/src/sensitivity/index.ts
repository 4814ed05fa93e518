// Sensitivity analysis: local (forward sensitivity equations), global (Sobol), tornado and spider.
export { localSensitivity } from "./local-sensitivity.js";
export type { DerivativeMethod, LocalSensitivity, LocalSensitivityOptions } from "./local-sensitivity.js";
export { sobolIndices } from "./sobol-indices.js";
export type { Intervals, ParameterFunction, SobolIndices, SobolOptions } from "./sobol-indices.js";
export type { ParameterRange } from "./parameter-range.js";
export { morrisScreening } from "./morris-screening.js";
export type { MorrisOptions, MorrisScreening } from "./morris-screening.js";
export { modelResponse } from "./model-response.js";
export type { ModelResponseOptions, ResponseSummary } from "./model-response.js";
export { tornado } from "./tornado.js";
export type { Tornado, TornadoBar, TornadoOptions } from "./tornado.js";
export { spider } from "./spider.js";
export type { Spider, SpiderLine, SpiderOptions } from "./spider.js";
export { tornadoPlot } from "./tornado-plot.js";
export type { TornadoFigure, TornadoPlotOptions } from "./tornado-plot.js";
export { spiderPlot } from "./spider-plot.js";
export type { SpiderPlotOptions } from "./spider-plot.js";
export { SensitivityError } from "./sensitivity-error.js";
