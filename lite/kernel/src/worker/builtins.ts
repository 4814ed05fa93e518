// The modules the browser kernel serves to cells and local modules, by import name. Each is a
// chunk of the worker's esbuild bundle among the labextension's static files, loaded on first
// import: nothing comes from outside the site.
import type { TslabShim } from "../display/tslab-shim.js";

export function builtinModules(tslab: TslabShim): Map<string, () => Promise<unknown>> {
  return new Map<string, () => Promise<unknown>>([
    ["@pmxlab/kernel", () => import("@pmxlab/kernel")],
    ["@pmxlab/kernel/exercise", () => import("@pmxlab/kernel/exercise")],
    ["@pmxlab/kernel/browser", () => import("@pmxlab/kernel/browser")],
    ["@pmxlab/kernel/node", () => import("./shims/pmxlab-node.js")],
    ["fs", () => import("./shims/fs.js")],
    ["tslab", async () => tslab],
  ]);
}
