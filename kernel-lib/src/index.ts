// @pmxlab/kernel — the public API, by concept.
export * from "./ode/index.js";
export * from "./model/index.js";
export * from "./library/index.js";
export * from "./dosing/index.js";
export * from "./data/index.js";
export * from "./simulation/index.js";
export * from "./plot/index.js";
export * from "./display/index.js";
export * from "./raster/index.js";
export * from "./sensitivity/index.js";
export * from "./nca/index.js";
export * from "./population/index.js";
export * from "./random/index.js";
export * from "./virtual-population/index.js";
export * from "./estimation/index.js";
export * from "./warnings/index.js";
