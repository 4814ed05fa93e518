import type { PlotlyAxis } from "../plot/figure.js";
import { logTicks, niceTicks } from "./nice-ticks.js";
import { tickLabels } from "./tick-labels.js";

/** One axis as drawn: its data range (`lo`, `hi`, in the axis's own units) and its ticks. */
export interface AxisScale {
  log: boolean;
  lo: number;
  hi: number;
  ticks: number[];
  labels: string[];
}

/** Fraction of the data span added on each side, so extreme points and lines are not cut in half. */
export const AXIS_PADDING = 0.05;

/**
 * Internal: the scale of an axis showing `values`. Without an explicit `range` the axis spans
 * the finite values (positive ones on a log axis, which plotly also leaves out) plus 5 % of
 * their span on each side, the span measured in powers of ten on a log axis; a single value
 * gets ±1 (linear) or ×/÷ √10 (log); no values give 0–1 (linear) or 1–10 (log).
 * `tickTarget` is about how many tick intervals to show.
 *
 * @example
 * axisScale([0, 10], { type: "linear" }, 5); // { log: false, lo: -0.5, hi: 10.5, ticks: [0, 2, 4, 6, 8, 10], … }
 */
export function axisScale(values: Iterable<number>, axis: PlotlyAxis, tickTarget: number): AxisScale {
  const log = axis.type === "log";
  const [lo, hi] = axis.range ? axis.range.map((end) => (log ? 10 ** end : end)) : autoRange(values, log);
  const automatic = log ? logTicks(lo, hi, tickTarget) : niceTicks(lo, hi, tickTarget);
  const ticks = axis.tickvals ?? automatic;
  const numbers = tickLabels(ticks, log);
  // As in plotly, `ticktext` names `tickvals` one for one; a tick without a name shows its value.
  const labels = ticks.map((_, k) => (axis.tickvals && axis.ticktext?.[k]) ?? numbers[k]);
  return { log, lo, hi, ticks, labels };
}

/**
 * Internal: where `value` falls along an axis of `length` pixels, as a fraction from 0 (at `lo`)
 * to 1 (at `hi`); NaN for values a log axis cannot show.
 *
 * @example
 * axisFraction({ log: true, lo: 1, hi: 100, ticks: [], labels: [] }, 10); // 0.5
 */
export function axisFraction(scale: AxisScale, value: number): number {
  if (!scale.log) return (value - scale.lo) / (scale.hi - scale.lo);
  return value > 0 ? Math.log10(value / scale.lo) / Math.log10(scale.hi / scale.lo) : NaN;
}

function autoRange(values: Iterable<number>, log: boolean): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    const u = log ? Math.log10(v) : v;
    if (!Number.isFinite(u)) continue;
    if (u < min) min = u;
    if (u > max) max = u;
  }
  if (min > max) return log ? [1, 10] : [0, 1];
  const pad = min === max ? (log ? 0.5 : 1) : (max - min) * AXIS_PADDING;
  return log ? [10 ** (min - pad), 10 ** (max + pad)] : [min - pad, max + pad];
}
