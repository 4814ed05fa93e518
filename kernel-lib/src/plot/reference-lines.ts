import type { PlotlyTrace } from "./figure.js";

/** A horizontal line across the plot, e.g. an MIC or a toxicity threshold. */
export interface ReferenceLine {
  y: number;
  /** Legend name (default "y = <value>"). */
  label?: string;
  /** Any CSS colour plotly and the PNG renderer read (default grey). */
  color?: string;
}

/** A shaded horizontal band, e.g. a therapeutic window [lower, upper]. */
export interface ConcentrationBand {
  lower: number;
  upper: number;
  /** Legend name (default "therapeutic window"). */
  label?: string;
  /** Fill colour (default translucent green). */
  color?: string;
}

/** Reference marks of a plot against time. */
export interface ReferenceOptions {
  /** Dashed horizontal lines at these levels. */
  referenceLines?: readonly ReferenceLine[];
  /** A shaded band between two levels, drawn under the data. */
  therapeuticWindow?: ConcentrationBand;
}

/**
 * Internal: the traces of the reference marks over [x0, x1]: the band (a filled rectangle, so
 * plotly and the PNG renderer draw it alike, where layout shapes would be plotly's alone) and
 * the dashed lines. Throws on a non-finite level or a band whose lower end is not below its upper.
 *
 * @example
 * referenceTraces(0, 24, { therapeuticWindow: { lower: 5, upper: 20 } }).band?.y; // [5, 5, 20, 20, 5]
 */
export function referenceTraces(x0: number, x1: number, options: ReferenceOptions): { band?: PlotlyTrace; lines: PlotlyTrace[] } {
  const lines = (options.referenceLines ?? []).map((line, i): PlotlyTrace => {
    if (!Number.isFinite(line.y)) throw new Error(`referenceLines[${i}].y is ${line.y}; give a finite level`);
    return { type: "scatter", mode: "lines", name: line.label ?? `y = ${line.y}`, x: [x0, x1], y: [line.y, line.y], line: { color: line.color ?? "rgb(90,90,90)", width: 1.5, dash: "dash" } };
  });
  const w = options.therapeuticWindow;
  if (!w) return { lines };
  if (!(Number.isFinite(w.lower) && Number.isFinite(w.upper) && w.lower < w.upper)) {
    throw new Error(`therapeuticWindow needs finite lower < upper (got lower ${w.lower}, upper ${w.upper})`);
  }
  const band: PlotlyTrace = {
    type: "scatter",
    mode: "lines",
    name: w.label ?? "therapeutic window",
    x: [x0, x1, x1, x0, x0],
    y: [w.lower, w.lower, w.upper, w.upper, w.lower],
    line: { width: 0 },
    fill: "toself",
    fillcolor: w.color ?? "rgba(44,160,44,0.15)",
  };
  return { band, lines };
}

/** Internal: `traces` with the reference marks added (the band first, under the data; the lines last), over the traces' time range. */
export function withReferences(traces: PlotlyTrace[], options: ReferenceOptions): PlotlyTrace[] {
  if (!options.referenceLines?.length && !options.therapeuticWindow) return traces;
  const xs = traces.flatMap((t) => t.x);
  const { band, lines } = referenceTraces(Math.min(...xs), Math.max(...xs), options);
  return [...(band ? [band] : []), ...traces, ...lines];
}
