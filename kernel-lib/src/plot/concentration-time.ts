import type { Model } from "../model/types.js";
import type { SimulationColumns } from "../simulation/types.js";
import type { PlotlyFigure, PlotlyTrace } from "./figure.js";
import { withReferences, type ReferenceOptions } from "./reference-lines.js";
import { subjectRows } from "./subject-rows.js";
import { timeFigure } from "./time-layout.js";

/**
 * A simulation to plot: its columns, and its model when known (the source of the units).
 * A `Simulation` from `simulate` is one; so is a bare `SimulationColumns`.
 */
export type PlotSource = SimulationColumns & { model?: Pick<Model, "timeUnit" | "outputs" | "compartments"> };

/** One observation drawn over the simulated lines: subject `id` (optional), `time`, measured `dv`. */
export interface ObservedPoint {
  id?: number;
  time: number;
  dv: number;
}

/** Options of {@link concentrationTimePlot}. */
export interface ConcentrationTimeOptions extends ReferenceOptions {
  /** Output or state (compartment) column to plot; default the model's first output, e.g. CP. */
  output?: string;
  /**
   * Start with a logarithmic y axis (the buttons switch either way). Default false. On the log
   * axis, concentrations ≤ 0 are gaps (plotly would draw them at the bottom edge) and the
   * ticks are powers of ten.
   */
  log?: boolean;
  /** Figure title. */
  title?: string;
  /** Observed data drawn as markers over the lines, e.g. a dataset's DV at each TIME. */
  observed?: ObservedPoint[];
  /**
   * Axis units, overriding the model's (`model.timeUnit`, and the output's or compartment's
   * unit). Without a model and without these, the axis title carries no unit rather than a guess.
   */
  units?: { time?: string; output?: string };
}

/** More subjects than this and the legend would cover the plot, so it is hidden. */
const LEGEND_LIMIT = 10;

/**
 * Concentration–time figure: one line per subject (rows grouped by the `id` column, in
 * order of first appearance) of the chosen output against time; observed data as markers;
 * axis titles with units ("time (h)", "CP (mg/L)"); "linear"/"log" buttons that set
 * `yaxis.type`; the legend hidden beyond 10 subjects; optional dashed reference lines and a
 * shaded therapeutic window. Several simulations give one line
 * per subject of each, named "sim k, ID i". Trace arrays are plain numbers (JSON).
 *
 * Throws when there is nothing to plot, when a simulation lacks the column (naming the
 * columns it has), when simulations disagree on a unit, or on a non-finite observation.
 *
 * @example
 * const sim = simulate("pk1cmt_iv", { regimen: "600 mg", times: { end: 24 }, params: { CL: 6, V: 25 } });
 * const fig = concentrationTimePlot(sim, { log: true, title: "600 mg IV bolus" });
 * fig.layout.yaxis.title; // { text: "CP (mg/L)" }
 */
export function concentrationTimePlot(sim: PlotSource | PlotSource[], options: ConcentrationTimeOptions = {}): PlotlyFigure {
  const sims = Array.isArray(sim) ? sim : [sim];
  if (sims.length === 0) throw new Error("concentrationTimePlot: nothing to plot (an empty list of simulations)");
  const output = options.output ?? sims[0].model?.outputs[0]?.name ?? Object.keys(sims[0].outputs)[0];
  if (output === undefined) throw new Error("concentrationTimePlot: simulation 1 has no outputs; name a state with options.output");

  const lines = sims.flatMap((s, index) => subjectLines(s, output, sims.length > 1 ? `sim ${index + 1}, ` : "", index));
  const data = options.observed?.length ? [...lines, observedMarkers(options.observed)] : lines;
  const timeUnit = options.units?.time ?? commonUnit(sims, "time", (s) => s.model?.timeUnit);
  const outputUnit = options.units?.output ?? commonUnit(sims, output, (s) => columnUnit(s, output));
  return timeFigure({ title: options.title, y: output, timeUnit, yUnit: outputUnit, log: options.log ?? false, showlegend: lines.length <= LEGEND_LIMIT }, withReferences(data, options));
}

function subjectLines(sim: PlotSource, output: string, prefix: string, index: number): PlotlyTrace[] {
  const column = sim.outputs[output] ?? sim.states[output];
  if (!column) {
    const known = [...Object.keys(sim.outputs), ...Object.keys(sim.states)].join(", ");
    throw new Error(`concentrationTimePlot: no column "${output}" in simulation ${index + 1}; its columns: ${known}`);
  }
  return [...subjectRows(sim.id)].map(([id, rows]) => ({
    type: "scatter",
    mode: "lines",
    name: `${prefix}ID ${id}`,
    x: rows.map((r) => sim.time[r]),
    y: rows.map((r) => column[r]),
  }));
}

function observedMarkers(observed: ObservedPoint[]): PlotlyTrace {
  observed.forEach((point, i) => {
    for (const key of ["time", "dv", "id"] as const) {
      const value = point[key];
      if (value !== undefined && !Number.isFinite(value)) {
        throw new Error(`concentrationTimePlot: observed[${i}].${key} is ${value}; drop or impute missing observations before plotting`);
      }
    }
  });
  const withIds = observed.some((point) => point.id !== undefined);
  return {
    type: "scatter",
    mode: "markers",
    name: "observed",
    x: observed.map((point) => point.time),
    y: observed.map((point) => point.dv),
    ...(withIds ? { text: observed.map((point) => (point.id === undefined ? "" : `ID ${point.id}`)) } : {}),
    marker: { size: 7, symbol: "circle-open" },
  };
}

function columnUnit(sim: PlotSource, name: string): string | undefined {
  const model = sim.model;
  return model?.outputs.find((o) => o.name === name)?.unit ?? model?.compartments.find((c) => c.name === name)?.unit;
}

/** The unit the simulations agree on (those that know it); one axis cannot mix units. */
function commonUnit(sims: PlotSource[], what: string, unitOf: (sim: PlotSource) => string | undefined): string | undefined {
  let found: { unit: string; index: number } | undefined;
  for (let index = 0; index < sims.length; index++) {
    const unit = unitOf(sims[index]);
    if (unit === undefined) continue;
    if (found === undefined) found = { unit, index };
    else if (found.unit !== unit) {
      throw new Error(
        `concentrationTimePlot: simulation ${found.index + 1} has ${what} in ${found.unit} but simulation ${index + 1} in ${unit}; plot them separately or convert one`,
      );
    }
  }
  return found?.unit;
}
