/** The part of @pmxlab/kernel the interactive renderer uses. */
export type KernelApi = Pick<
  typeof import("@pmxlab/kernel"),
  "parseInteractiveSpec" | "interactiveSettings" | "interactiveModel" | "interactiveFigure" | "interactiveCode" | "interactiveDoseUnit"
>;

/** Loads the part of @pmxlab/kernel the renderer uses. */
export type KernelLoader = () => Promise<KernelApi>;

let kernel: Promise<KernelApi> | undefined;

/**
 * Loads @pmxlab/kernel (its ES module build, bundled into the extension as its own chunk)
 * when the first interactive simulation is shown, once per page, so notebooks without one
 * do not download the simulation library and its unit engine.
 */
export const loadKernel: KernelLoader = () => {
  kernel ??= import(/* webpackChunkName: "pmxlab-kernel" */ "@pmxlab/kernel");
  return kernel;
};
