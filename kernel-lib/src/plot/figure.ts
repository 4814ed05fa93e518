/**
 * The typed subset of plotly's figure schema that pmxlab emits. Figures are plain JSON
 * (number arrays, no typed arrays or functions), so a kernel can send them as the
 * `application/vnd.plotly.v1+json` MIME type and JupyterLab's plotly renderer draws them.
 * Schema reference: https://plotly.com/javascript/reference/
 */

/**
 * One scatter trace: a line (`mode: "lines"`) or markers; `x`, `y` are plain number arrays.
 * A filled band is a trace with `fill`: `"toself"` closes the trace into a polygon (upper edge
 * forwards, lower edge backwards), `"tonexty"` fills down to the previous trace.
 */
export interface PlotlyTrace {
  type: "scatter";
  mode: "lines" | "markers" | "lines+markers";
  name?: string;
  x: number[];
  /** null is a gap (plotly draws no point and breaks the line there). */
  y: (number | null)[];
  /** Hover text per point (e.g. the subject of an observation). */
  text?: string[];
  line?: { color?: string; width?: number; dash?: string };
  marker?: { color?: string; size?: number; symbol?: string };
  showlegend?: boolean;
  fill?: "none" | "tonexty" | "toself";
  fillcolor?: string;
}

/** An axis: its title, scale and, where the automatic ones do not fit, range and ticks. */
export interface PlotlyAxis {
  title?: { text: string };
  type?: "linear" | "log";
  /** Shown range; on a log axis in powers of ten, as in plotly (`[0, 2]` is 1 to 100). */
  range?: [number, number];
  /** "array" uses `tickvals`/`ticktext`; "auto" lets plotly choose. */
  tickmode?: "auto" | "array";
  /** Tick positions and their labels, replacing the automatic ones (a tornado plot's parameters, log axes). */
  tickvals?: number[];
  ticktext?: string[];
}

/** A value a button sets: a layout attribute, or per-trace data (`y` arrays of the traces it names). */
export type PlotlyButtonValue = string | number | boolean | number[] | string[] | (number | null)[][];

/**
 * A button that restyles the figure when pressed: `relayout` changes the layout
 * (args `[{ "yaxis.type": "log" }]`); `update` changes trace data and the layout
 * (args `[{ y: [...] }, { "yaxis.type": "log" }, [trace indices]]`).
 */
export interface PlotlyButton {
  label: string;
  method: "relayout" | "update";
  args: [Record<string, PlotlyButtonValue>] | [Record<string, PlotlyButtonValue>, Record<string, PlotlyButtonValue>, number[]];
}

/** A row of buttons drawn over the plot; `active` is the index of the button shown as pressed. */
export interface PlotlyUpdateMenu {
  type: "buttons";
  direction: "left" | "right" | "up" | "down";
  active: number;
  showactive: boolean;
  x: number;
  xanchor: "left" | "center" | "right";
  y: number;
  yanchor: "top" | "middle" | "bottom";
  buttons: PlotlyButton[];
}

/** The figure's layout: title, axes, legend and buttons. */
export interface PlotlyLayout {
  title?: { text: string };
  xaxis: PlotlyAxis;
  yaxis: PlotlyAxis;
  showlegend: boolean;
  updatemenus?: PlotlyUpdateMenu[];
}

/**
 * A plotly figure as plain JSON: `JSON.parse(JSON.stringify(fig))` equals `fig`.
 *
 * @example
 * const fig: PlotlyFigure = {
 *   data: [{ type: "scatter", mode: "lines", x: [0, 1, 2], y: [10, 5, 2.5] }],
 *   layout: { xaxis: { title: { text: "time (h)" } }, yaxis: { title: { text: "CP (mg/L)" } }, showlegend: false },
 * };
 */
export interface PlotlyFigure {
  data: PlotlyTrace[];
  layout: PlotlyLayout;
}
