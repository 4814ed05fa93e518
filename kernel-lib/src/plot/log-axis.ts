import { logTicks } from "../raster/nice-ticks.js";
import { tickLabels } from "../raster/tick-labels.js";
import type { PlotlyTrace } from "./figure.js";

/** Ticks at most this many on a log axis: powers of ten, 2 and 5 between only on short ranges. */
const LOG_TICK_TARGET = 6;

/** What the log view of a figure needs: readable ticks, and the traces whose non-positive values become gaps. */
export interface LogView {
  /** Tick values and labels for the log axis (none when no value is positive). */
  ticks?: { tickvals: number[]; ticktext: string[] };
  /** Index and y values (non-positive values as null, a gap) of each trace that has a value ≤ 0. */
  gapped: { index: number; y: (number | null)[] }[];
}

/**
 * Internal: the log view of traces. plotly draws a value ≤ 0 on a log axis at the bottom edge,
 * so a concentration of 0 (before an oral dose is absorbed, after a washout) pulls the line
 * down to the axis; here such values become gaps (null, which plotly leaves undrawn, as the
 * PNG renderer does). plotly's own log ticks label 2, 3 … 9 between the powers of ten on short
 * ranges, crowding the axis; the ticks here are those of the PNG renderer (`logTicks`): the
 * powers of ten, with 2 and 5 only when fewer than three powers fit.
 *
 * @example
 * logView([{ type: "scatter", mode: "lines", x: [0, 1, 2], y: [0, 8, 2] }]).gapped; // [{ index: 0, y: [null, 8, 2] }]
 */
export function logView(traces: readonly PlotlyTrace[]): LogView {
  let min = Infinity;
  let max = -Infinity;
  const gapped: LogView["gapped"] = [];
  traces.forEach((trace, index) => {
    let gaps = false;
    for (const v of trace.y) {
      if (v === null) continue;
      if (v > 0) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      } else gaps = true;
    }
    if (gaps) gapped.push({ index, y: trace.y.map((v) => (v !== null && v > 0 ? v : null)) });
  });
  if (!(max >= min)) return { gapped };
  const [lo, hi] = min === max ? [min / Math.sqrt(10), max * Math.sqrt(10)] : [min, max];
  const tickvals = logTicks(lo, hi, LOG_TICK_TARGET);
  return { ticks: { tickvals, ticktext: tickLabels(tickvals, true) }, gapped };
}
