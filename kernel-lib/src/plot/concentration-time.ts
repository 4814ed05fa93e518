import type { SimulationColumns } from "../simulation/types.js";
import type { PlotlyFigure, PlotlyTrace } from "./figure.js";

/** A simulation to plot: its columns, and its model when known (for units and labels). */
export type PlotSource = SimulationColumns & { model?: { name?: string; timeUnit?: string; outputs: { name: string; unit: string; label?: string }[] } };

export interface ConcentrationTimeOptions {
  /** Output or state column to plot (default: the model's first output). */
  output?: string;
  /** Start with a logarithmic y axis (a button toggles it either way). */
  log?: boolean;
  title?: string;
  /** Observed data drawn as markers, e.g. the DV column of a dataset. */
  observed?: { id?: number; time: number; dv: number }[];
}

/** Legends beyond this many subjects hide rather than cover the plot. */
const LEGEND_LIMIT = 10;

/**
 * Concentration–time figure: one line per subject (grouped by the `id` column) for the
 * chosen output, observed data as markers, axis titles with units, and linear/log buttons.
 *
 * @example
 * const fig = concentrationTimePlot(simulate("pk1cmt_oral", { regimen: "100 mg q12h x 6" }), { log: true });
 */
export function concentrationTimePlot(sim: PlotSource | PlotSource[], options: ConcentrationTimeOptions = {}): PlotlyFigure {
  const sims = Array.isArray(sim) ? sim : [sim];
  if (sims.length === 0) throw new Error("concentrationTimePlot: nothing to plot (no simulation given)");
  const first = sims[0];
  const output = options.output ?? first.model?.outputs[0]?.name ?? Object.keys(first.outputs)[0];
  const spec = first.model?.outputs.find((o) => o.name === output);
  const data: PlotlyTrace[] = [];
  sims.forEach((s, index) => {
    const column = s.outputs[output] ?? s.states[output];
    if (!column) {
      const known = [...Object.keys(s.outputs), ...Object.keys(s.states)].join(", ");
      throw new Error(`concentrationTimePlot: no column "${output}" in simulation ${index + 1}; columns: ${known}`);
    }
    for (const [id, start, end] of subjectRanges(s.id)) {
      data.push({
        type: "scatter",
        mode: "lines",
        name: sims.length > 1 ? `sim ${index + 1}, ID ${id}` : `ID ${id}`,
        x: Array.from(s.time.subarray(start, end)),
        y: Array.from(column.subarray(start, end)),
      });
    }
  });
  if (options.observed?.length) {
    data.push({
      type: "scatter",
      mode: "markers",
      name: "observed",
      x: options.observed.map((o) => o.time),
      y: options.observed.map((o) => o.dv),
      marker: { size: 6, symbol: "circle-open" },
    });
  }
  const timeUnit = first.model?.timeUnit ?? "h";
  const yTitle = spec ? `${spec.label ?? output} (${spec.unit})` : output;
  return {
    data,
    layout: {
      title: options.title ? { text: options.title } : undefined,
      xaxis: { title: { text: `time (${timeUnit})` } },
      yaxis: { title: { text: yTitle }, type: options.log ? "log" : "linear" },
      showlegend: data.length > 1 && data.length <= LEGEND_LIMIT,
      updatemenus: [
        {
          type: "buttons",
          direction: "left",
          x: 1,
          xanchor: "right",
          y: 1.12,
          buttons: [
            { label: "linear", method: "relayout", args: [{ "yaxis.type": "linear" }] },
            { label: "log", method: "relayout", args: [{ "yaxis.type": "log" }] },
          ],
        },
      ],
    },
  };
}

/** [id, start, end) row ranges of consecutive equal ids. */
function subjectRanges(id: Float64Array): [number, number, number][] {
  const ranges: [number, number, number][] = [];
  let start = 0;
  for (let r = 1; r <= id.length; r++) {
    if (r === id.length || id[r] !== id[start]) {
      if (r > start) ranges.push([id[start], start, r]);
      start = r;
    }
  }
  return ranges;
}
