import { outputCodeOf, type OutputCodeParts } from "../model/output-code.js";
import type { Model } from "../model/types.js";
import type { GridDoses } from "./grid-doses.js";
import { indices, MAX_UNROLLED, matrixStep, rowSum } from "./matrix-step.js";
import { columnLocals, rowStores } from "./rows-writer.js";

/**
 * Writes a whole grid timeline into result columns from row `first` (see `GridDoses`, whose
 * arrays and row count are passed one by one): from
 * y, the state at the first row before its doses, each row r takes the doses at position 2r,
 * is recorded (the states `stateColumns` were made for, and the outputs by the model's output
 * code inlined, or through its output function with `yRow` and `out` as scratch), takes the doses at 2r + 1 and, unless it
 * is the last row, moves one step y ← E·y. Returns false when the state is not finite at the
 * end (it then was not from some row on: the rows are to be written again by the general
 * path, which finds where).
 *
 * Why the grid's fields are arguments: V8 compiled the writer against the map of the object it
 * read them from, and a change to that map elsewhere (its fields' representation or constness,
 * as other GridDoses were made) threw the compiled writer away; the writer, first entered in
 * its long loop, then ran in its on-stack-replacement code for every later subject, 2.2×
 * slower, in 16 of 69 bench processes (kernel-lib/bench/closed-form.mjs; V8 11.3,
 * --trace-deopt --trace-osr), 0 of 31 with the arguments. Typed arrays and numbers carry no
 * such dependency.
 */
export type GridWriter = (
  model: Model,
  e: Float64Array,
  y: Float64Array,
  position: GridDoses["position"],
  state: GridDoses["state"],
  amount: GridDoses["amount"],
  rows: number,
  first: number,
  times: Float64Array,
  p: Float64Array,
  yRow: Float64Array,
  out: Float64Array,
  stateColumns: readonly Float64Array[],
  outputColumns: readonly Float64Array[],
) => boolean;

/** Writers that call the model's output function, by shape. */
const shared = new Map<string, GridWriter>();
/** Writers with a compiled model's outputs inlined, by output function, then shape. */
const inlined = new WeakMap<Model["output"], Map<string, GridWriter>>();

/**
 * The grid writer for `model` recording the states `stateIndex` and the outputs
 * `outputIndex` (0-based), generated once per such shape: the propagation of the closed
 * form's equal steps (the sums of `matrixRun`, in the same order) and the stores of
 * `rowsWriter` in one loop over the subject's rows, with E and the state in locals. Doses, a
 * few rows apart, are y[cmt] += amount as on the engine's dose-by-dose path, so both give the
 * same doubles; the subject costs one call instead of one per dose interval and its rows go
 * straight to the columns instead of through a block of states. A compiled model's outputs
 * are inlined (`outputCodeOf`: the parameters read once per subject, no call per row, the
 * same expressions); other models' output function is called. Larger systems get loops.
 *
 * @example
 * // pk2cmt_oral (3 states), all states recorded, and CP:
 * const write = gridWriter(getModel("pk2cmt_oral"), [0, 1, 2], [0]);
 */
export function gridWriter(model: Model, stateIndex: readonly number[], outputIndex: readonly number[]): GridWriter {
  const n = model.compartments.length;
  const key = `${n}|${stateIndex.join(",")}|${outputIndex.join(",")}`;
  const code = n <= MAX_UNROLLED && outputIndex.length > 0 ? outputCodeOf(model.output) : undefined;
  let writers = shared;
  if (code) {
    writers = inlined.get(model.output) ?? new Map<string, GridWriter>();
    inlined.set(model.output, writers);
  }
  let writer = writers.get(key);
  if (!writer) {
    writer = n <= MAX_UNROLLED ? unrolled(n, stateIndex, outputIndex, code) : looped(n, stateIndex, outputIndex);
    writers.set(key, writer);
  }
  return writer;
}

function unrolled(n: number, stateIndex: readonly number[], outputIndex: readonly number[], code: OutputCodeParts | undefined): GridWriter {
  const all = indices(n);
  // A switch on the dosed state: doses are few (one row in 12 on the bench's grid).
  const doses = (at: string) => [
    `  while (position[dose] === ${at}) {`,
    `    switch (state[dose]) {`,
    ...all.map((i) => `      case ${i}: y${i} += amount[dose]; break;`),
    `    }`,
    `    dose++;`,
    `  }`,
  ];
  const body = [
    `const last = rows - 1;`,
    ...columnLocals(stateIndex, outputIndex),
    ...(code ? [code.setup] : []),
    `const ${indices(n * n).map((k) => `e${k} = e[${k}]`).join(", ")};`,
    `let ${all.map((j) => `y${j} = y[${j}]`).join(", ")};`,
    `let dose = 0;`,
    `for (let r = 0, row = first; ; r++, row++) {`,
    ...doses("2 * r"),
    ...(code ? [...rowStores(n, stateIndex, [], "yRow", "times[r]"), ...inlineOutputs(code, outputIndex)] : rowStores(n, stateIndex, outputIndex, "yRow", "times[r]")),
    ...doses("2 * r + 1"),
    `  if (r === last) break;`,
    ...all.map((i) => `  const z${i} = ${rowSum(n, i, (k) => `e${k}`)};`),
    ...all.map((i) => `  y${i} = z${i};`),
    `}`,
    ...all.map((j) => `y[${j}] = y${j};`),
    `return ${all.map((j) => `Number.isFinite(y${j})`).join(" && ")};`,
  ].join("\n");
  return new Function("model", "e", "y", "position", "state", "amount", "rows", "first", "times", "p", "yRow", "out", "stateColumns", "outputColumns", body) as GridWriter;
}

/** The recorded outputs of a row from the state in locals y0 …, as a block of the model's own output statements. */
function inlineOutputs(code: OutputCodeParts, outputIndex: readonly number[]): string[] {
  const exprs = outputIndex.map((i) => code.outputs[i]);
  const readsTime = /\bt\b/.test([...code.body, ...exprs].join("\n"));
  return [
    `  {`,
    ...(readsTime ? [`    const t = times[r];`] : []),
    ...code.loads.map(([i, local]) => `    const ${local} = y${i};`),
    ...code.body.map((line) => `    ${line}`),
    ...exprs.map((expr, c) => `    o${c}[row] = ${expr};`),
    `  }`,
  ];
}

function looped(n: number, stateIndex: readonly number[], outputIndex: readonly number[]): GridWriter {
  const step = matrixStep(n);
  // The output function reads y itself: no row copy to make.
  return (model, e, y, position, state, amount, rows, first, times, p, _yRow, out, stateColumns, outputColumns) => {
    let dose = 0;
    for (let r = 0; r < rows; r++) {
      for (; position[dose] === 2 * r; dose++) y[state[dose]] += amount[dose];
      for (let c = 0; c < stateIndex.length; c++) stateColumns[c][first + r] = y[stateIndex[c]];
      if (outputIndex.length > 0) {
        model.output(times[r], y, p, out);
        for (let c = 0; c < outputIndex.length; c++) outputColumns[c][first + r] = out[outputIndex[c]];
      }
      for (; position[dose] === 2 * r + 1; dose++) y[state[dose]] += amount[dose];
      if (r < rows - 1) step(e, y);
    }
    return y.every(Number.isFinite);
  };
}
