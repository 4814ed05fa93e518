import type { JupyterFrontEndPlugin } from "@jupyterlab/application";
import { cellStatePlugin } from "./cell-state/index.js";
import { followPlugin, presencePlugin, syncPlugin } from "./collaboration/index.js";
import { commandsPlugin } from "./commandsPlugin.js";
import { coursePanelPlugin, exercisePlugin } from "./exercise/index.js";
import { hubPlugin } from "./hub/index.js";
import { interactivePlugin } from "./interactive/index.js";
import { settingsPlugin } from "./settingsPlugin.js";
import { tutorPlugin } from "./tutor/index.js";

export { IPmxlabPresence, IPmxlabSettings, IPmxlabSyncStatus } from "./tokens.js";
export { CommandIds } from "./commandIds.js";
export { PLOTLY_MIME_TYPE, parsePlotlyFigure, PlotlyRenderer, createPlotlyRendererFactory } from "./plotly/index.js";
export type { PlotlyFigure, PlotlyApi, PlotlyLoader } from "./plotly/index.js";
export { IPmxlabCellState, cellState, PMXLAB_METADATA_KEY } from "./cell-state/index.js";
export { INTERACTIVE_MIME_TYPE, InteractiveRenderer, createInteractiveRendererFactory } from "./interactive/index.js";
export type { InteractiveRendererOptions } from "./interactive/index.js";
export * from "./collaboration/index.js";
export { ExerciseCommandIds, ExerciseView, readCheckState } from "./exercise/index.js";
export type { CheckState, ExerciseViewModel } from "./exercise/index.js";
export { TutorCommandIds, TutorView, readTutorState, replyHtml } from "./tutor/index.js";
export type { StoredTurn, TutorState } from "./tutor/index.js";
export { HubCommandIds, classServiceUrl, courseNotebook, syncSummary } from "./hub/index.js";
export type { Feedback, SyncReport } from "./hub/index.js";

/**
 * The front-end plugins of pmxlab. The plotly renderer is the MIME extension in `plotly/`;
 * the interactive renderer is a plugin (`interactive/`) because it needs the cell state.
 */
const plugins: JupyterFrontEndPlugin<any>[] = [
  settingsPlugin,
  commandsPlugin,
  cellStatePlugin,
  interactivePlugin,
  presencePlugin,
  syncPlugin,
  followPlugin,
  exercisePlugin,
  coursePanelPlugin,
  tutorPlugin,
  hubPlugin,
];
export default plugins;
