// @pmxlab/lite-kernel: the JupyterLite extension (its plugins) and the kernel class.
export { default } from "./plugin/index.js";
export { KERNEL_NAME } from "./plugin/index.js";
export { LiteTypeScriptKernel, type LiteKernelOptions } from "./kernel/lite-kernel.js";
