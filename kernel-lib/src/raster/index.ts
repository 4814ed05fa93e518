export { encodePng } from "./encode-png.js";
export { figureToPng } from "./figure-to-png.js";
export { logTicks, niceTicks } from "./nice-ticks.js";
export { RasterError } from "./raster-error.js";
export { renderFigure, type RasterOptions } from "./render-figure.js";
export type { Rgba, RgbaImage } from "./rgba-image.js";
