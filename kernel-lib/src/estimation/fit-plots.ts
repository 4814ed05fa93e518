import type { PlotlyFigure } from "../plot/index.js";

/** Observed and predicted values of one or more subjects, row-aligned. */
export interface ObservedPredicted {
  id: ArrayLike<number>;
  time: ArrayLike<number>;
  dv: ArrayLike<number>;
  pred: ArrayLike<number>;
}

/**
 * Goodness of fit: observed (DV) against predicted, with the line of identity; points
 * on the line are fitted exactly. `label` names the prediction (PRED, IPRED).
 *
 * @example
 * show(observedVsPredicted(fit.table, { label: "IPRED", unit: "mg/L" }));
 */
export function observedVsPredicted(rows: ObservedPredicted, options: { label?: string; unit?: string } = {}): PlotlyFigure {
  const { label = "predicted", unit = "" } = options;
  const dv = Array.from(rows.dv);
  const pred = Array.from(rows.pred);
  const top = Math.max(0, ...dv, ...pred);
  const suffix = unit ? ` (${unit})` : "";
  return {
    data: [
      { type: "scatter", mode: "markers", name: "observations", x: pred, y: dv, text: Array.from(rows.id, (id, i) => `ID ${id}, t = ${rows.time[i]}`), marker: { color: "#1f77b4", size: 6 } },
      { type: "scatter", mode: "lines", name: "identity", x: [0, top], y: [0, top], line: { color: "#888", dash: "dash" }, showlegend: false },
    ],
    layout: { xaxis: { title: { text: `${label}${suffix}` } }, yaxis: { title: { text: `observed${suffix}` } }, showlegend: false },
  };
}

/**
 * Observations (markers) and predictions (lines) against time, one colour per subject.
 *
 * @example
 * show(fitOverTime(fit.table, { unit: "mg/L" }));
 */
export function fitOverTime(rows: ObservedPredicted, options: { label?: string; unit?: string; timeUnit?: string } = {}): PlotlyFigure {
  const { label = "predicted", unit = "", timeUnit = "h" } = options;
  const ids = [...new Set(Array.from(rows.id))];
  const data: PlotlyFigure["data"] = [];
  ids.forEach((id, k) => {
    const index = Array.from(rows.id, (x, i) => (x === id ? i : -1)).filter((i) => i >= 0);
    const color = PALETTE[k % PALETTE.length];
    const x = index.map((i) => rows.time[i]);
    data.push({ type: "scatter", mode: "markers", name: `ID ${id} observed`, x, y: index.map((i) => rows.dv[i]), marker: { color, size: 6 }, showlegend: false });
    data.push({ type: "scatter", mode: "lines", name: `ID ${id} ${label}`, x, y: index.map((i) => rows.pred[i]), line: { color, width: 1.5 }, showlegend: false });
  });
  const suffix = unit ? ` (${unit})` : "";
  return { data, layout: { xaxis: { title: { text: `time (${timeUnit})` } }, yaxis: { title: { text: `concentration${suffix}` } }, showlegend: false } };
}

const PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];
