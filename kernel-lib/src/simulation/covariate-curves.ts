/**
 * Linearly interpolated covariates of one subject: for each, its knots (record times and
 * values, times non-decreasing) and its place in the parameter vector. Before the first knot
 * and after the last the end values hold. `apply(t, p)` writes the values at t into p; it is
 * called inside the ODE right-hand side, so it allocates nothing and keeps a cursor per
 * covariate (the solver moves forward in small steps and only sometimes back).
 *
 * @example
 * // WT (p[3]) 70 kg at 0 h, 90 kg at 10 h
 * const curves = new CovariateCurves([3], [Float64Array.of(0, 10)], [Float64Array.of(70, 90)]);
 * curves.apply(2.5, p); // p[3] = 75
 * @internal
 */
export class CovariateCurves {
  private readonly cursor: Int32Array;

  constructor(
    private readonly index: readonly number[],
    private readonly times: readonly Float64Array[],
    private readonly values: readonly Float64Array[],
  ) {
    this.cursor = new Int32Array(index.length);
  }

  apply(t: number, p: Float64Array): void {
    for (let c = 0; c < this.index.length; c++) p[this.index[c]] = this.valueAt(c, t);
  }

  private valueAt(c: number, t: number): number {
    const times = this.times[c];
    const values = this.values[c];
    const last = times.length - 1;
    if (t <= times[0]) return values[0];
    if (t >= times[last]) return values[last];
    // Find k with times[k] ≤ t < times[k + 1], starting from where the last call ended.
    let k = this.cursor[c];
    while (k > 0 && times[k] > t) k--;
    while (k < last - 1 && times[k + 1] <= t) k++;
    this.cursor[c] = k;
    const span = times[k + 1] - times[k];
    return span > 0 ? values[k] + ((values[k + 1] - values[k]) * (t - times[k])) / span : values[k + 1];
  }
}
