import type { PlotlyFigure } from "../plot/index.js";
import { normalQuantile } from "../random/index.js";

/** Points of a diagnostic scatter, row-aligned; `id` labels each point with its subject. */
export interface DiagnosticRows {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  id?: ArrayLike<number>;
}

/**
 * A goodness-of-fit scatter (CWRES against time or PRED, |IWRES| against IPRED, NPDE against
 * time) with a horizontal reference line (default at 0, where residuals should scatter
 * evenly; `reference: null` for none). `labels` are the axis titles with their units.
 *
 * @example
 * show(residualPlot({ x: fit.table.pred, y: fit.table.cwres, id: fit.table.id }, { x: "PRED (mg/L)", y: "CWRES" }));
 */
export function residualPlot(rows: DiagnosticRows, labels: { x: string; y: string }, options: { reference?: number | null } = {}): PlotlyFigure {
  const x = Array.from(rows.x);
  const reference = options.reference === undefined ? 0 : options.reference;
  const data: PlotlyFigure["data"] = [
    { type: "scatter", mode: "markers", name: labels.y, x, y: Array.from(rows.y), ...(rows.id ? { text: Array.from(rows.id, (id) => `ID ${id}`) } : {}), marker: { color: "#1f77b4", size: 6 } },
  ];
  if (reference !== null) {
    data.push({ type: "scatter", mode: "lines", name: "reference", x: [Math.min(0, ...x), Math.max(...x)], y: [reference, reference], line: { color: "#888", dash: "dash" }, showlegend: false });
  }
  return { data, layout: { xaxis: { title: { text: labels.x } }, yaxis: { title: { text: labels.y } }, showlegend: false } };
}

/**
 * Plotting positions of a normal QQ plot, as R's `ppoints`: (i − a)/(n + 1 − 2a) for
 * i = 1…n, a = 3/8 when n ≤ 10 and 1/2 otherwise.
 * @internal
 */
export function plottingPositions(n: number): number[] {
  const a = n <= 10 ? 3 / 8 : 1 / 2;
  return Array.from({ length: n }, (_, i) => (i + 1 - a) / (n + 1 - 2 * a));
}

/**
 * Normal QQ plot of one or more samples (as R's `qqnorm`: the sorted values against
 * Φ⁻¹ of {@link plottingPositions}) with the identity line: values from N(0, 1) lie on it.
 * Standardise first (ETAs by √ω, residuals are already standard).
 *
 * @example
 * show(qqPlot([{ name: "ETA_CL", values: fit.etas.map((e) => e[0] / Math.sqrt(fit.omega.matrix[0][0])) }]));
 */
export function qqPlot(series: readonly { name: string; values: ArrayLike<number> }[]): PlotlyFigure {
  let low = 0;
  let high = 0;
  const data: PlotlyFigure["data"] = series.map(({ name, values }, k) => {
    const y = Array.from(values).sort((a, b) => a - b);
    const x = plottingPositions(y.length).map(normalQuantile);
    low = Math.min(low, x[0] ?? 0, y[0] ?? 0);
    high = Math.max(high, x[x.length - 1] ?? 0, y[y.length - 1] ?? 0);
    return { type: "scatter", mode: "markers", name, x, y, marker: { color: PALETTE[k % PALETTE.length], size: 6 } };
  });
  data.push({ type: "scatter", mode: "lines", name: "identity", x: [low, high], y: [low, high], line: { color: "#888", dash: "dash" }, showlegend: false });
  return { data, layout: { xaxis: { title: { text: "N(0, 1) quantiles" } }, yaxis: { title: { text: "sample quantiles" } }, showlegend: series.length > 1 } };
}

const PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"];
