import type { OdeProblem } from "./types.js";

/** An {@link OdeProblem} checked and converted to the buffers `solve` works on. Internal. */
export interface CheckedProblem {
  y0: Float64Array;
  p: Float64Array;
  t0: number;
  t1: number;
  saveat: Float64Array;
}

/** Output points when the problem gives no `saveat`. */
const DEFAULT_POINTS = 101;

/**
 * Checks an {@link OdeProblem} and throws one clear Error naming the first misuse: `rhs` not
 * a function, empty or non-finite `y0`, non-finite `p`, a `tspan` that is not finite and
 * increasing, `saveat` outside tspan or decreasing. Fills in the default `saveat`
 * (101 evenly spaced points, ending exactly at t1). Internal.
 *
 * @example checkProblem({ rhs, y0: [1], tspan: [0, 1] }).saveat.length // 101
 */
export function checkProblem(problem: OdeProblem): CheckedProblem {
  if (typeof problem.rhs !== "function") {
    throw new Error("solve: problem.rhs must be a function (t, y, p, dydt) => void");
  }
  const y0 = finiteArray("y0", problem.y0);
  if (y0.length === 0) throw new Error("solve: problem.y0 is empty (need at least one state)");
  const p = finiteArray("p", problem.p ?? []);
  const tspan = problem.tspan;
  if (!tspan || tspan.length !== 2) throw new Error("solve: problem.tspan must be [t0, t1]");
  const [t0, t1] = tspan;
  if (!(Number.isFinite(t0) && Number.isFinite(t1) && t1 > t0)) {
    throw new Error(`solve: problem.tspan must be finite and increasing, t0 < t1 (got [${t0}, ${t1}])`);
  }
  const saveat =
    problem.saveat === undefined ? evenlySpaced(t0, t1, DEFAULT_POINTS) : Float64Array.from(problem.saveat);
  for (let k = 0; k < saveat.length; k++) {
    const s = saveat[k];
    if (!(s >= t0 && s <= t1)) throw new Error(`solve: problem.saveat[${k}] = ${s} is outside tspan [${t0}, ${t1}]`);
    if (k > 0 && s < saveat[k - 1]) {
      const previous = `saveat[${k - 1}] = ${saveat[k - 1]}`;
      throw new Error(`solve: problem.saveat must be non-decreasing (saveat[${k}] = ${s} < ${previous})`);
    }
  }
  return { y0, p, t0, t1, saveat };
}

function finiteArray(name: string, values: ArrayLike<number>): Float64Array {
  if (values === null || typeof values !== "object" || typeof values.length !== "number") {
    throw new Error(`solve: problem.${name} must be an array of numbers`);
  }
  const out = Float64Array.from(values);
  for (let i = 0; i < out.length; i++) {
    if (!Number.isFinite(out[i])) throw new Error(`solve: problem.${name}[${i}] is ${values[i]}, not a finite number`);
  }
  return out;
}

function evenlySpaced(t0: number, t1: number, count: number): Float64Array {
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = t0 + ((t1 - t0) * i) / (count - 1);
  out[count - 1] = t1;
  return out;
}
