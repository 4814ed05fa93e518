export { RandomStream } from "./random-stream.js";
export { seedState } from "./seed-state.js";
export { normalQuantile } from "./normal-quantile.js";
export { MultivariateNormal } from "./multivariate-normal.js";
