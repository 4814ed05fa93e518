import type { PlotlyFigure } from "../plot/figure.js";
import type { TableBundle } from "../simulation/simulation-table.js";
import { INTERACTIVE_MIME } from "./interactive-spec.js";
import { PLOTLY_MIME, toMimeBundle, type FigureBundle, type InteractiveBundle } from "./mime-bundle.js";
import { displayDataWriter, runningTslab, type TslabModule } from "./tslab-host.js";

/**
 * Shows a figure, an interactive simulation (the bundle of `interactive`), or a table
 * (`sim.toTable()`: HTML with a text fallback) in the notebook. In the tslab kernel (found at run time; or pass the tslab module) it sends one
 * `display_data` message carrying the whole MIME bundle — plotly JSON (and the interactive
 * spec) plus the `text/plain` summary — and returns undefined, so the cell prints nothing
 * more. Should tslab's internal writer not be found (see tslab-host.ts), it falls back to
 * tslab's public `display.raw` with the richest MIME type alone (the interactive spec, else
 * the plotly JSON). Outside tslab (browser, plain Node, tests) nothing is sent and the
 * bundle is returned.
 *
 * @example
 * import { simulate, show } from "@pmxlab/kernel";
 * show(simulate("pk1cmt_iv", { regimen: "600 mg", times: { end: 24 } }).plot({ log: true }));
 */
export function show(fig: PlotlyFigure, tslab?: TslabModule): FigureBundle | undefined;
export function show(bundle: InteractiveBundle, tslab?: TslabModule): InteractiveBundle | undefined;
export function show(table: TableBundle, tslab?: TslabModule): TableBundle | undefined;
export function show(what: PlotlyFigure | InteractiveBundle | TableBundle, tslab: TslabModule | undefined = runningTslab()): FigureBundle | InteractiveBundle | TableBundle | undefined {
  const bundle = INTERACTIVE_MIME in what || "text/html" in what ? what : toMimeBundle(what);
  if (tslab === undefined) return bundle;
  const write = displayDataWriter(tslab);
  if (write) write({ data: { ...bundle }, metadata: {}, transient: {} }, false);
  else if ("text/html" in bundle) tslab.display.raw("text/html", bundle["text/html"]);
  else if (INTERACTIVE_MIME in bundle) tslab.display.raw(INTERACTIVE_MIME, bundle[INTERACTIVE_MIME]);
  else tslab.display.raw(PLOTLY_MIME, bundle[PLOTLY_MIME]);
  return undefined;
}
