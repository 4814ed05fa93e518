import type { Model } from "../model/types.js";

/**
 * Writes each output row the engine reaches straight into preallocated columns: the
 * model's outputs and states chosen by index, at row `base + k` of the current subject.
 * One recorder (and one bound `record`) serves every subject, so the per-row call site
 * stays monomorphic and nothing is allocated per subject or per row. Rows a failed subject
 * never reaches are set to NaN by `finishSubject` (they must not read as zero
 * concentrations); rows it reaches are written once.
 */
export class RowRecorder {
  private readonly out: Float64Array;
  private readonly outputColumns: Float64Array[];
  private readonly stateColumns: Float64Array[];
  private readonly outputIndex: Int32Array;
  private readonly stateIndex: Int32Array;
  private base = 0;
  /** One past the highest row of the current subject written so far. */
  private reached = 0;

  constructor(
    private readonly model: Model,
    outputs: { columns: Float64Array[]; index: readonly number[] },
    states: { columns: Float64Array[]; index: readonly number[] },
  ) {
    this.out = new Float64Array(model.outputs.length);
    this.outputColumns = outputs.columns;
    this.stateColumns = states.columns;
    this.outputIndex = Int32Array.from(outputs.index);
    this.stateIndex = Int32Array.from(states.index);
  }

  /** The engine's sink: row k of the current subject at time t. */
  readonly record = (k: number, t: number, y: Float64Array, p: Float64Array): void => {
    const r = this.base + k;
    const out = this.out;
    this.model.output(t, y, p, out);
    const outputs = this.outputColumns;
    const outputIndex = this.outputIndex;
    for (let i = 0; i < outputs.length; i++) outputs[i][r] = out[outputIndex[i]];
    const states = this.stateColumns;
    const stateIndex = this.stateIndex;
    for (let i = 0; i < states.length; i++) states[i][r] = y[stateIndex[i]];
    if (k >= this.reached) this.reached = k + 1;
  };

  /** Starts a subject whose rows begin at `base`. */
  startSubject(base: number): void {
    this.base = base;
    this.reached = 0;
  }

  /** Ends the current subject of `count` rows: the rows it did not reach become NaN. */
  finishSubject(count: number): void {
    if (this.reached >= count) return;
    const from = this.base + this.reached;
    const to = this.base + count;
    for (const c of this.outputColumns) c.fill(NaN, from, to);
    for (const c of this.stateColumns) c.fill(NaN, from, to);
  }
}
