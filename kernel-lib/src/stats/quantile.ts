/**
 * Quantiles of the first `count` values of `values` (which it reorders), by linear
 * interpolation between order statistics (Hyndman & Fan type 7, R's default):
 * h = (count − 1)·p, Q = x(⌊h⌋) + (h − ⌊h⌋)·(x(⌊h⌋+1) − x(⌊h⌋)) with x(i) the i-th smallest
 * (0-based). Order statistics come from selection (Hoare's FIND with median-of-three, as in
 * Numerical Recipes' `select`), O(count) per quantile instead of a full sort, and are exact.
 * NaN for every p when count is 0.
 *
 * @example
 * quantiles(Float64Array.of(4, 1, 3, 2), 4, [0.5, 1]); // [2.5, 4]
 */
export function quantiles(values: Float64Array | Float32Array, count: number, probabilities: readonly number[]): number[] {
  const result = new Array<number>(probabilities.length).fill(NaN);
  if (count === 0) return result;
  const order = probabilities.map((p, q) => [p, q] as const).sort((a, b) => a[0] - b[0]);
  let left = 0;
  for (const [p, q] of order) {
    const h = (count - 1) * p;
    const lo = Math.floor(h);
    // Elements after the last selected index are all ≥ it, so later selections start there.
    if (lo >= left) {
      select(values, lo, left, count - 1);
      left = lo + 1;
    }
    let next = values[lo];
    if (lo + 1 < count) {
      next = Infinity;
      for (let i = lo + 1; i < count; i++) if (values[i] < next) next = values[i];
    }
    result[q] = values[lo] + (h - lo) * (next - values[lo]);
  }
  return result;
}

/** Moves the k-th smallest of a[l..r] to a[k], smaller ones before it and larger ones after. */
function select(a: Float64Array | Float32Array, k: number, l: number, r: number): void {
  const swap = (i: number, j: number): void => {
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  };
  for (;;) {
    if (r <= l + 1) {
      if (r === l + 1 && a[r] < a[l]) swap(l, r);
      return;
    }
    swap((l + r) >> 1, l + 1);
    if (a[l] > a[r]) swap(l, r);
    if (a[l + 1] > a[r]) swap(l + 1, r);
    if (a[l] > a[l + 1]) swap(l, l + 1);
    const pivot = a[l + 1];
    let i = l + 1;
    let j = r;
    for (;;) {
      do i++;
      while (a[i] < pivot);
      do j--;
      while (a[j] > pivot);
      if (j < i) break;
      swap(i, j);
    }
    a[l + 1] = a[j];
    a[j] = pivot;
    if (j >= k) r = j - 1;
    if (j <= k) l = i;
  }
}
