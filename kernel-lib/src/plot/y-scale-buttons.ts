import type { PlotlyUpdateMenu } from "./figure.js";

/**
 * Internal: the "linear" / "log" buttons that switch the y axis scale in the rendered plot
 * (a plotly `relayout` of `yaxis.type`), with the button of the initial scale pressed.
 */
export function yScaleButtons(log: boolean): PlotlyUpdateMenu {
  return {
    type: "buttons",
    direction: "left",
    active: log ? 1 : 0,
    showactive: true,
    x: 1,
    xanchor: "right",
    y: 1.02,
    yanchor: "bottom",
    buttons: [
      { label: "linear", method: "relayout", args: [{ "yaxis.type": "linear" }] },
      { label: "log", method: "relayout", args: [{ "yaxis.type": "log" }] },
    ],
  };
}
