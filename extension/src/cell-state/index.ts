export { IPmxlabCellState } from "./tokens.js";
export { cellState, PMXLAB_METADATA_KEY } from "./cellState.js";
export { cellStatePlugin } from "./cellStatePlugin.js";
