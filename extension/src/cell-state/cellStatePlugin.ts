import type { JupyterFrontEnd, JupyterFrontEndPlugin } from "@jupyterlab/application";
import { cellState } from "./cellState.js";
import { IPmxlabCellState } from "./tokens.js";

/** Provides {@link IPmxlabCellState}: pmxlab state kept in cell metadata, shared live and saved. */
export const cellStatePlugin: JupyterFrontEndPlugin<IPmxlabCellState> = {
  id: "@pmxlab/jupyterlab:cell-state",
  description: "Keeps pmxlab state of a cell in its metadata (pmxlab.<feature>), shared with co-editors and saved in the notebook.",
  autoStart: true,
  provides: IPmxlabCellState,
  activate: (_app: JupyterFrontEnd): IPmxlabCellState => cellState,
};
