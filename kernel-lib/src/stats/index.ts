// Shared by population/ (bands, PTA) and plot/ (VPC). population/index.ts re-exports
// `quantiles` (it was public there first), so the package index does not export this folder
// again.
export { quantiles } from "./quantile.js";
export { tQuantile } from "./t-quantile.js";
