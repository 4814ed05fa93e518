import type { OutputWindow } from "../types.js";

/** A window with no outputs, for an `advance` that only moves the state. */
export const NO_OUTPUTS: OutputWindow = Object.freeze({ times: [], from: 0, to: 0, sink: () => undefined });

/**
 * Emits the outputs that fall exactly on a state the integrator holds (the interval start,
 * the end of a step): calls sink(k, copy of y) for every k of the window from `k` while
 * times[k] ≤ t, skipping none, and returns the next k. Times before t are emitted at t only
 * when the caller already skipped earlier ones with {@link skipBefore}. Internal.
 *
 * @example k = emitExact(outputs, k, t, y, yk);
 */
export function emitExact(outputs: OutputWindow, k: number, t: number, y: Float64Array, yk: Float64Array): number {
  const { times, to, sink } = outputs;
  const n = y.length;
  while (k < to && times[k] <= t) {
    // The sink gets a copy: it may keep or change its argument only for the call.
    for (let i = 0; i < n; i++) yk[i] = y[i];
    sink(k, yk);
    k++;
  }
  return k;
}

/** First k of the window with times[k] ≥ t0 (outputs before the interval are not this call's). Internal. */
export function skipBefore(outputs: OutputWindow, t0: number): number {
  const { times, to } = outputs;
  let k = outputs.from;
  while (k < to && times[k] < t0) k++;
  return k;
}
