import type { IRenderMime } from "@jupyterlab/rendermime-interfaces";
import { createPlotlyRendererFactory } from "./rendererFactory.js";

/** The MIME extension that shows `application/vnd.plotly.v1+json` outputs as plotly plots. */
const plotlyExtension: IRenderMime.IExtension = {
  id: "@pmxlab/jupyterlab:plotly",
  description: "Renders plotly figures offline with the plotly.js bundled in the extension.",
  rendererFactory: createPlotlyRendererFactory(),
  rank: 50,
  dataType: "json",
};

export default plotlyExtension;
