import type { PlotlyFigure } from "../plot/figure.js";
import { PLOTLY_MIME, toMimeBundle, type FigureBundle } from "./mime-bundle.js";
import { displayDataWriter, runningTslab, type TslabModule } from "./tslab-host.js";

/**
 * Shows a figure in the notebook. In the tslab kernel (found at run time; or pass the
 * tslab module) it sends one `display_data` message carrying the whole MIME bundle —
 * plotly JSON plus the `text/plain` summary — and returns undefined, so the cell prints
 * nothing more. Should tslab's internal writer not be found (see tslab-host.ts), it falls
 * back to tslab's public `display.raw` with the plotly JSON alone. Outside tslab (browser,
 * plain Node, tests) nothing is sent and the bundle of {@link toMimeBundle} is returned.
 *
 * @example
 * import { simulate, show } from "@pmxlab/kernel";
 * show(simulate("pk1cmt_iv", { regimen: "600 mg", times: { end: 24 } }).plot({ log: true }));
 */
export function show(fig: PlotlyFigure, tslab: TslabModule | undefined = runningTslab()): FigureBundle | undefined {
  const bundle = toMimeBundle(fig);
  if (tslab === undefined) return bundle;
  const write = displayDataWriter(tslab);
  if (write) write({ data: { ...bundle }, metadata: {}, transient: {} }, false);
  else tslab.display.raw(PLOTLY_MIME, fig);
  return undefined;
}
