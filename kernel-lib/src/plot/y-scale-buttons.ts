import type { PlotlyButton, PlotlyButtonValue, PlotlyUpdateMenu } from "./figure.js";
import type { LogView } from "./log-axis.js";

/**
 * Internal: the layout attributes of the y axis on each scale: the log scale with the ticks of
 * `view` (as an array, so plotly does not label every digit between the powers of ten), the
 * linear scale with plotly's automatic ticks.
 */
export function yScaleLayout(log: boolean, view: LogView): Record<string, PlotlyButtonValue> {
  if (!log) return { "yaxis.type": "linear", "yaxis.tickmode": "auto" };
  if (!view.ticks) return { "yaxis.type": "log" };
  return { "yaxis.type": "log", "yaxis.tickmode": "array", "yaxis.tickvals": view.ticks.tickvals, "yaxis.ticktext": view.ticks.ticktext };
}

/**
 * Internal: the "linear" / "log" buttons that switch the y axis scale in the rendered plot,
 * with the button of the initial scale pressed. When a trace has values ≤ 0 (see `logView`),
 * the buttons also swap its y values: with gaps on the log scale, as they are on the linear one.
 */
export function yScaleButtons(log: boolean, view: LogView, linearY: readonly (number | null)[][]): PlotlyUpdateMenu {
  const button = (label: "linear" | "log"): PlotlyButton => {
    const layout = yScaleLayout(label === "log", view);
    if (view.gapped.length === 0) return { label, method: "relayout", args: [layout] };
    const y = label === "log" ? view.gapped.map((g) => g.y) : view.gapped.map((g) => [...linearY[g.index]]);
    return { label, method: "update", args: [{ y }, layout, view.gapped.map((g) => g.index)] };
  };
  return {
    type: "buttons",
    direction: "left",
    active: log ? 1 : 0,
    showactive: true,
    x: 1,
    xanchor: "right",
    y: 1.02,
    yanchor: "bottom",
    buttons: [button("linear"), button("log")],
  };
}
