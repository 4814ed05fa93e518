import type { IRenderMime } from "@jupyterlab/rendermime-interfaces";
import { InteractiveRenderer, type InteractiveRendererOptions } from "./InteractiveRenderer.js";
import { INTERACTIVE_MIME_TYPE } from "./mimeType.js";

/**
 * Rank of the interactive renderer: below the plotly renderer's 50, so an output carrying
 * both the spec and its plotly figure is shown with sliders where pmxlab is installed.
 */
export const INTERACTIVE_RANK = 40;

/**
 * Makes the renderer factory for interactive simulations. Safe: the renderer builds its
 * DOM from text and numbers only, and runs a custom model only for trusted outputs.
 */
export function createInteractiveRendererFactory(options: InteractiveRendererOptions = {}): IRenderMime.IRendererFactory {
  return {
    safe: true,
    mimeTypes: [INTERACTIVE_MIME_TYPE],
    defaultRank: INTERACTIVE_RANK,
    createRenderer: (rendererOptions) => new InteractiveRenderer(rendererOptions, options),
  };
}
