import type { JupyterFrontEnd, JupyterFrontEndPlugin } from "@jupyterlab/application";
import { PageConfig, URLExt } from "@jupyterlab/coreutils";
import { IKernelClient, IKernelSpecs, type IKernel } from "@jupyterlite/services";
import { LiteTypeScriptKernel } from "../kernel/lite-kernel.js";
import { KERNEL_LOGO } from "./logo.js";

/** Set by webpack to the URL of this extension's static files (module federation, publicPath "auto"). */
declare const __webpack_public_path__: string;

/** The kernel spec's name: the one course notebooks carry (`tslab`), so they open unchanged. */
export const KERNEL_NAME = "tslab";

const kernels = new Map<string, LiteTypeScriptKernel>();

/**
 * Registers the browser TypeScript kernel as kernel spec `tslab`. JupyterLite 0.8's kernel
 * client answers an interrupt by cancelling queued requests only, never telling the kernel,
 * so a running cell would go on for ever; its `interrupt` is wrapped to stop our kernel's worker first.
 */
const kernelPlugin: JupyterFrontEndPlugin<void> = {
  id: "@pmxlab/lite-kernel:kernel",
  description: "The TypeScript kernel (tslab) of the pmxlab JupyterLite site",
  autoStart: true,
  requires: [IKernelSpecs],
  optional: [IKernelClient],
  activate: (app: JupyterFrontEnd, kernelSpecs: IKernelSpecs, kernelClient: IKernelClient | null) => {
    const workerUrl = URLExt.join(__webpack_public_path__, "lite-kernel", "worker.js");
    const filesUrl = URLExt.join(PageConfig.getBaseUrl(), "files/");
    kernelSpecs.register({
      spec: {
        name: KERNEL_NAME,
        display_name: "TypeScript (pmxlab)",
        language: "typescript",
        argv: [],
        resources: { "logo-32x32": KERNEL_LOGO, "logo-64x64": KERNEL_LOGO },
      },
      create: async (options: IKernel.IOptions): Promise<IKernel> => {
        const kernel = new LiteTypeScriptKernel({ ...options, workerUrl, filesUrl, contents: app.serviceManager.contents });
        kernels.set(kernel.id, kernel);
        kernel.disposed.connect(() => {
          if (kernels.get(kernel.id) === kernel) kernels.delete(kernel.id);
        });
        return kernel;
      },
    });
    if (kernelClient) {
      const interrupt = kernelClient.interrupt.bind(kernelClient);
      kernelClient.interrupt = async (kernelId: string) => {
        kernels.get(kernelId)?.interrupt();
        return interrupt(kernelId);
      };
    }
  },
};

export default [kernelPlugin];
