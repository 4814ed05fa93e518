import type { JupyterFrontEnd, JupyterFrontEndPlugin } from "@jupyterlab/application";
import { IRenderMimeRegistry } from "@jupyterlab/rendermime";
import { ITranslator } from "@jupyterlab/translation";
import { IPmxlabCellState } from "../cell-state/tokens.js";
import { createInteractiveRendererFactory, INTERACTIVE_RANK } from "./rendererFactory.js";

/**
 * Registers the interactive simulation renderer. It is a plugin rather than a MIME
 * extension (like the plotly renderer) because its renderers need a service, the cell
 * state: a MIME extension's factory is built before any plugin runs and cannot ask for
 * tokens. Factories added here, at start-up, are in every notebook's renderer registry
 * (each notebook clones the application's when it opens).
 */
export const interactivePlugin: JupyterFrontEndPlugin<void> = {
  id: "@pmxlab/jupyterlab:interactive",
  description: "Renders pmxlab interactive simulations with sliders; their settings live in the cell metadata.",
  autoStart: true,
  requires: [IRenderMimeRegistry, IPmxlabCellState],
  optional: [ITranslator],
  activate: (_app: JupyterFrontEnd, rendermime: IRenderMimeRegistry, cellState: IPmxlabCellState, translator: ITranslator | null): void => {
    rendermime.addFactory(createInteractiveRendererFactory({ cellState, translator }), INTERACTIVE_RANK);
  },
};
