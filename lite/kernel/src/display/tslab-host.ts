import type { DisplayWriter, TslabShim } from "./tslab-shim.js";
import type { Scope } from "../cell/run-cell.js";

/** Where, in tslab 1.0.22, the public module and the display writer live (file names `show` looks for). */
const PUBLIC_FILE = "/tslab/dist/public.js";
const JUPYTER_FILE = "/tslab/dist/jupyter.js";

/** The shape of `globalThis.__tslab__` that @pmxlab/kernel reads (kernel-lib/src/display/tslab-host.ts, exercise/kernel-check.ts). */
export interface TslabHost {
  exports: Scope;
  require: ((id: string) => unknown) & { cache: Record<string, { filename: string; exports: unknown }> };
}

/**
 * What the tslab kernel offers the code it runs, rebuilt for the browser kernel so that
 * @pmxlab/kernel finds it as in tslab and behaves identically: `exports` is the table of
 * the cells' variables (read by *Check*'s `kernelAnswers`), `require("tslab")` the tslab
 * module (`show(fig)` with no tslab argument), and `require.cache` holds tslab's
 * `public.js` and `jupyter.js` with `lastWriteDisplayData`, through which `show` sends a
 * whole MIME bundle (plotly JSON, PNG and text) in one `display_data`, as in tslab.
 * Install it as `globalThis.__tslab__` before @pmxlab/kernel runs a cell's code.
 */
export function tslabHost(scope: Scope, tslab: TslabShim, write: DisplayWriter): TslabHost {
  const cache = {
    [PUBLIC_FILE]: { filename: PUBLIC_FILE, exports: tslab as unknown },
    [JUPYTER_FILE]: { filename: JUPYTER_FILE, exports: { lastWriteDisplayData: write } as unknown },
  };
  const require = Object.assign(
    (id: string): unknown => {
      if (id === "tslab") return tslab;
      throw new Error(`require("${id}") is not available in the browser kernel; use import`);
    },
    { cache },
  );
  return { exports: scope, require };
}
