/** y ← E·y in place for an n×n row-major E (the state moved across one output step). */
export type MatrixStep = (e: Float64Array, y: Float64Array) => void;

/**
 * `count` steps y ← E·y + c in place (E n×n row-major, c a constant input of n entries, not
 * read by a run made without input),
 * writing y before the first step as row 0 of `states` and the state after step r as row r
 * (row-major, n entries a row; `states` holds at least (count + 1)·n entries).
 */
export type MatrixRun = (e: Float64Array, c: Float64Array, y: Float64Array, states: Float64Array, count: number) => void;

/**
 * Above this many states the generated straight-line code (n² terms a step, n stores a row)
 * would be larger than the loop is slow: the limit of every generated step and row writer. @internal
 */
export const MAX_UNROLLED = 12;

const steps = new Map<number, MatrixStep>();
const runs = new Map<string, MatrixRun>();

/**
 * y ← E·y for systems of `n` states, generated once per n as straight-line code: the states
 * are read into locals first, then each row is one sum of n products. On a regular output
 * grid this is the whole per-row work of the closed form, and the loop version (nested
 * loops through a work buffer) costs about four times as much at n = 3 (the bench's
 * two-compartment oral model). Each sum adds its products in the same order as the loop
 * (j = 0, 1, …), so both give the same doubles. Larger systems get the loop.
 *
 * @example
 * const step = matrixStep(2);
 * const y = Float64Array.of(1, 2);
 * step(Float64Array.of(0, 1, 1, 0), y); // y = [2, 1]
 */
export function matrixStep(n: number): MatrixStep {
  let step = steps.get(n);
  if (!step) {
    step = n <= MAX_UNROLLED ? unrolledStep(n) : loopedStep(n);
    steps.set(n, step);
  }
  return step;
}

/**
 * The states along a run of equal output steps, generated once per n: E (and c, `withInput`)
 * are read into locals once, the state stays in locals from step to step, and each step is n
 * sums written straight to `states`, so a run of rows costs no call, lookup or bounds check
 * beyond the stores. Each sum adds E's products in the order of {@link matrixStep} (then c),
 * so without input both give the same doubles. Without input c is not read: each step
 * depends on the one before, and one addition fewer in that chain is a quarter of its
 * latency at n = 3. Larger systems get loops.
 *
 * @example
 * const run = matrixRun(1, true);
 * const states = new Float64Array(3);
 * run(Float64Array.of(0.5), Float64Array.of(1), Float64Array.of(4), states, 2); // states = [4, 3, 2.5]
 */
export function matrixRun(n: number, withInput: boolean): MatrixRun {
  const key = `${n}${withInput ? "+c" : ""}`;
  let run = runs.get(key);
  if (!run) {
    run = n <= MAX_UNROLLED ? unrolledRun(n, withInput) : loopedRun(n, withInput);
    runs.set(key, run);
  }
  return run;
}

/** 0, 1, …, n − 1, for the generated code's locals. @internal */
export const indices = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * Row i of E·y with E's entries in `e` and the state in locals y0 … y(n−1): "e[0] * y0 + e[1] * y1 …",
 * the one order of the products in every generated step. @internal
 */
export const rowSum = (n: number, i: number, entry: (k: number) => string) =>
  indices(n)
    .map((j) => `${entry(i * n + j)} * y${j}`)
    .join(" + ");

function unrolledStep(n: number): MatrixStep {
  const body = [
    `const ${indices(n).map((j) => `y${j} = y[${j}]`).join(", ")};`,
    ...indices(n).map((i) => `y[${i}] = ${rowSum(n, i, (k) => `e[${k}]`)};`),
  ].join("\n");
  return new Function("e", "y", body) as MatrixStep;
}

function unrolledRun(n: number, withInput: boolean): MatrixRun {
  const all = indices(n);
  const body = [
    `const ${indices(n * n).map((k) => `e${k} = e[${k}]`).join(", ")};`,
    ...(withInput ? [`const ${all.map((i) => `c${i} = c[${i}]`).join(", ")};`] : []),
    `let ${all.map((j) => `y${j} = y[${j}]`).join(", ")};`,
    ...all.map((j) => `states[${j}] = y${j};`),
    `for (let r = 0, o = ${n}; r < count; r++, o += ${n}) {`,
    ...all.map((i) => `  const z${i} = ${rowSum(n, i, (k) => `e${k}`)}${withInput ? ` + c${i}` : ""};`),
    ...all.map((i) => `  y${i} = z${i};`),
    ...all.map((i) => `  states[o + ${i}] = z${i};`),
    `}`,
    ...all.map((j) => `y[${j}] = y${j};`),
  ].join("\n");
  return new Function("e", "c", "y", "states", "count", body) as MatrixRun;
}

function loopedStep(n: number): MatrixStep {
  const w = new Float64Array(n);
  return (e, y) => {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += e[i * n + j] * y[j];
      w[i] = s;
    }
    y.set(w);
  };
}

function loopedRun(n: number, withInput: boolean): MatrixRun {
  const step = loopedStep(n);
  return (e, c, y, states, count) => {
    states.set(y);
    for (let r = 1; r <= count; r++) {
      step(e, y);
      if (withInput) for (let i = 0; i < n; i++) y[i] += c[i];
      states.set(y, r * n);
    }
  };
}
