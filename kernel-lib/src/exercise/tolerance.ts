/** How close an answer must be: |a − b| ≤ atol + rtol · |b|. Defaults: rtol 1 %, atol 0. */
export interface Tolerance {
  rtol?: number;
  atol?: number;
}

/** True when `actual` is within the tolerance of `expected` (both finite). */
export function close(actual: number, expected: number, { rtol = 0.01, atol = 0 }: Tolerance = {}): boolean {
  return Number.isFinite(actual) && Math.abs(actual - expected) <= atol + rtol * Math.abs(expected);
}
