/** y ← E·y in place for an n×n row-major E (the state moved across one output step). */
export type MatrixStep = (e: Float64Array, y: Float64Array) => void;

/** Above this size the unrolled code (n² terms) would be larger than the loop is slow. */
const MAX_UNROLLED = 12;

const steps = new Map<number, MatrixStep>();

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
    step = n <= MAX_UNROLLED ? unrolled(n) : looped(n);
    steps.set(n, step);
  }
  return step;
}

function unrolled(n: number): MatrixStep {
  const index = Array.from({ length: n }, (_, i) => i);
  const body = [
    `const ${index.map((j) => `y${j} = y[${j}]`).join(", ")};`,
    ...index.map((i) => `y[${i}] = ${index.map((j) => `e[${i * n + j}] * y${j}`).join(" + ")};`),
  ].join("\n");
  return new Function("e", "y", body) as MatrixStep;
}

function looped(n: number): MatrixStep {
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
