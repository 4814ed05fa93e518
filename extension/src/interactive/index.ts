export { INTERACTIVE_MIME_TYPE } from "./mimeType.js";
export { InteractiveRenderer, INTERACTIVE_FEATURE } from "./InteractiveRenderer.js";
export type { InteractiveRendererOptions } from "./InteractiveRenderer.js";
export { SliderControl } from "./SliderControl.js";
export { createInteractiveRendererFactory, INTERACTIVE_RANK } from "./rendererFactory.js";
export { interactivePlugin } from "./interactivePlugin.js";
export { loadKernel } from "./kernelLoader.js";
export type { KernelApi, KernelLoader } from "./kernelLoader.js";
