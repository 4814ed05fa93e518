export { PLOTLY_MIME, toMimeBundle } from "./mime-bundle.js";
export type { FigureBundle } from "./mime-bundle.js";
export { show } from "./show.js";
export type { TslabModule } from "./tslab-host.js";
