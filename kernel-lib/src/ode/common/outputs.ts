/**
 * Emits the outputs that fall exactly on a state the integrator holds (the interval start,
 * the end of a step): calls sink(k, copy of y) for every k from `k` while times[k] ≤ t,
 * skipping none, and returns the next k. Times before t are emitted at t only when the
 * caller already skipped earlier ones with {@link skipBefore}. Internal.
 *
 * @example k = emitExact(times, k, to, t, y, yk, sink);
 */
export function emitExact(
  times: ArrayLike<number>,
  k: number,
  to: number,
  t: number,
  y: Float64Array,
  yk: Float64Array,
  sink: (k: number, yk: Float64Array) => void,
): number {
  const n = y.length;
  while (k < to && times[k] <= t) {
    // The sink gets a copy: it may keep or change its argument only for the call.
    for (let i = 0; i < n; i++) yk[i] = y[i];
    sink(k, yk);
    k++;
  }
  return k;
}

/** First k ≥ `from` with times[k] ≥ t0 (outputs before the interval are not this call's). Internal. */
export function skipBefore(times: ArrayLike<number>, from: number, to: number, t0: number): number {
  let k = from;
  while (k < to && times[k] < t0) k++;
  return k;
}
