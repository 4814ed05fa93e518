import type { JupyterFrontEndPlugin } from "@jupyterlab/application";
import { followPlugin, presencePlugin, syncPlugin } from "./collaboration/index.js";
import { commandsPlugin } from "./commandsPlugin.js";
import { settingsPlugin } from "./settingsPlugin.js";

export { IPmxlabPresence, IPmxlabSettings, IPmxlabSyncStatus } from "./tokens.js";
export { CommandIds } from "./commandIds.js";
export { PLOTLY_MIME_TYPE, parsePlotlyFigure, PlotlyRenderer, createPlotlyRendererFactory } from "./plotly/index.js";
export type { PlotlyFigure, PlotlyApi, PlotlyLoader } from "./plotly/index.js";
export * from "./collaboration/index.js";

/** The front-end plugins of pmxlab (the plotly renderer is the MIME extension in `plotly/`). */
const plugins: JupyterFrontEndPlugin<any>[] = [settingsPlugin, commandsPlugin, presencePlugin, syncPlugin, followPlugin];
export default plugins;
