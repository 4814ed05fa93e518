import type { Model } from "../model/types.js";
import type { GridDoses } from "./grid-doses.js";
import { gridWriter, type GridWriter } from "./grid-writer.js";
import { rowsWriter, type RowsWriter } from "./rows-writer.js";

/**
 * Writes each output row the engine reaches straight into preallocated columns: the
 * model's outputs and states chosen by index, at row `base + k` of the current subject,
 * one row at a time (`record`), a block of rows at once (`recordRows`) or a whole grid
 * timeline, propagating it as it goes (`recordGrid`). One recorder (and
 * one bound `record`) serves every subject, so the per-row call site stays monomorphic and
 * nothing is allocated per subject or per row. Rows a failed subject
 * never reaches are set to NaN by `finishSubject` (they must not read as zero
 * concentrations); rows it reaches are written once.
 */
export class RowRecorder {
  private readonly out: Float64Array;
  /** One row's state, copied out of a block for the model's output function. */
  private readonly y: Float64Array;
  private readonly outputColumns: Float64Array[];
  private readonly stateColumns: Float64Array[];
  private readonly outputIndex: Int32Array;
  private readonly stateIndex: Int32Array;
  /** Writes a block of rows (generated for this model size and these columns). */
  private readonly writeRows: RowsWriter;
  /** Propagates and writes a whole grid timeline (generated likewise). */
  private readonly writeGrid: GridWriter;
  private base = 0;
  /** One past the highest row of the current subject written so far. */
  private reached = 0;

  constructor(
    private readonly model: Model,
    outputs: { columns: Float64Array[]; index: readonly number[] },
    states: { columns: Float64Array[]; index: readonly number[] },
  ) {
    this.out = new Float64Array(model.outputs.length);
    const n = model.compartments.length;
    this.y = new Float64Array(n);
    this.outputColumns = outputs.columns;
    this.stateColumns = states.columns;
    this.outputIndex = Int32Array.from(outputs.index);
    this.stateIndex = Int32Array.from(states.index);
    this.writeRows = rowsWriter(n, states.index, outputs.index);
    this.writeGrid = gridWriter(model, states.index, outputs.index);
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

  /** The engine's block sink: rows [from, to) of the current subject, row k's state at `states[(k − from)·n …]`. */
  readonly recordRows = (from: number, to: number, times: Float64Array, states: Float64Array, p: Float64Array): void => {
    this.writeRows(this.model, times, states, from, to, this.base + from, p, this.y, this.out, this.stateColumns, this.outputColumns);
    if (to > this.reached) this.reached = to;
  };

  /** The engine's grid sink: every row of a grid timeline, propagated by `e` from `y` (see `OutputGridSink`). */
  readonly recordGrid = (e: Float64Array, y: Float64Array, grid: GridDoses, times: Float64Array, p: Float64Array): boolean => {
    const finite = this.writeGrid(this.model, e, y, grid.position, grid.state, grid.amount, grid.rows, this.base, times, p, this.y, this.out, this.stateColumns, this.outputColumns);
    if (finite) this.reached = grid.rows;
    return finite;
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
