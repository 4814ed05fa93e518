import type { Model } from "../model/types.js";
import { indices, MAX_UNROLLED } from "./matrix-step.js";

/**
 * Writes rows [from, to) of a block of states into result columns at `first`…: row k's state
 * is `states[(k − from)·n + i]`; `y` and `out` are scratch buffers of n states and of the
 * model's outputs, `states`/`outputs` the recorded columns in the order the writer was made for.
 */
export type RowsWriter = (
  model: Model,
  times: Float64Array,
  states: Float64Array,
  from: number,
  to: number,
  first: number,
  p: Float64Array,
  y: Float64Array,
  out: Float64Array,
  stateColumns: readonly Float64Array[],
  outputColumns: readonly Float64Array[],
) => void;

const writers = new Map<string, RowsWriter>();

/**
 * The row writer for a model of `n` states recording the states `stateIndex` and the outputs
 * `outputIndex` (0-based), generated once per such shape as straight-line code: each row's
 * states are loaded once into locals, stored to their columns and, when an output is
 * recorded, into `y` for one call of the model's output function. On the closed form's
 * blocks this is the whole per-row cost of recording, and the generic loops (over states,
 * over columns, with a copy through a loop) took about twice as long for the bench's
 * two-compartment oral model. Larger systems get loops.
 *
 * @example
 * // 2 states, state 1 and output 0 recorded:
 * const write = rowsWriter(2, [1], [0]);
 */
export function rowsWriter(n: number, stateIndex: readonly number[], outputIndex: readonly number[]): RowsWriter {
  const key = `${n}|${stateIndex.join(",")}|${outputIndex.join(",")}`;
  let writer = writers.get(key);
  if (!writer) {
    writer = n <= MAX_UNROLLED ? unrolled(n, stateIndex, outputIndex) : looped(n, stateIndex, outputIndex);
    writers.set(key, writer);
  }
  return writer;
}

function unrolled(n: number, stateIndex: readonly number[], outputIndex: readonly number[]): RowsWriter {
  const body = [
    ...columnLocals(stateIndex, outputIndex),
    `for (let k = from, o = 0, row = first; k < to; k++, o += ${n}, row++) {`,
    `  const ${indices(n).map((i) => `y${i} = states[o + ${i}]`).join(", ")};`,
    ...rowStores(n, stateIndex, outputIndex, "y", "times[k]"),
    `}`,
  ].join("\n");
  return new Function("model", "times", "states", "from", "to", "first", "p", "y", "out", "stateColumns", "outputColumns", body) as RowsWriter;
}

/** The recorded columns as the locals s0, s1, … and o0, o1, … that `rowStores` writes to. @internal */
export function columnLocals(stateIndex: readonly number[], outputIndex: readonly number[]): string[] {
  return [...stateIndex.map((_, c) => `const s${c} = stateColumns[${c}];`), ...outputIndex.map((_, c) => `const o${c} = outputColumns[${c}];`)];
}

/**
 * The stores of one row, the state in locals y0 … y(n−1): the recorded states into columns
 * s0, s1, … and, when an output is recorded, the state copied into the array `scratch` for one
 * call of the model's output function at `time`, its recorded outputs into o0, o1, … (all at
 * index `row`). @internal
 */
export function rowStores(n: number, stateIndex: readonly number[], outputIndex: readonly number[], scratch: string, time: string): string[] {
  return [
    ...stateIndex.map((i, c) => `  s${c}[row] = y${i};`),
    ...(outputIndex.length > 0
      ? [
          ...indices(n).map((i) => `  ${scratch}[${i}] = y${i};`),
          `  model.output(${time}, ${scratch}, p, out);`,
          ...outputIndex.map((i, c) => `  o${c}[row] = out[${i}];`),
        ]
      : []),
  ];
}

function looped(n: number, stateIndex: readonly number[], outputIndex: readonly number[]): RowsWriter {
  return (model, times, states, from, to, first, p, y, out, stateColumns, outputColumns) => {
    for (let c = 0; c < stateIndex.length; c++) {
      const column = stateColumns[c];
      for (let k = from, o = stateIndex[c], row = first; k < to; k++, o += n, row++) column[row] = states[o];
    }
    if (outputIndex.length === 0) return;
    for (let k = from, o = 0, row = first; k < to; k++, o += n, row++) {
      for (let j = 0; j < n; j++) y[j] = states[o + j];
      model.output(times[k], y, p, out);
      for (let c = 0; c < outputIndex.length; c++) outputColumns[c][row] = out[outputIndex[c]];
    }
  };
}
