// Dormand–Prince 5(4): J. R. Dormand, P. J. Prince, "A family of embedded Runge-Kutta
// formulae", J. Comput. Appl. Math. 6 (1980) 19–26; step, error norm and dense output
// (CONTD5) as in Hairer's DOPRI5 (Hairer, Nørsett & Wanner, Solving Ordinary Differential
// Equations I, 2nd ed., §II.5–II.6).
import type { Rhs } from "../types.js";
import type { Dopri5Cache } from "./cache.js";
import { DOPRI5_TABLEAU as T } from "./tableau.js";

/** The arithmetic of one Dormand–Prince integrator, generated for its number of states. Internal. */
export interface Dopri5Kernels {
  /**
   * One step of size h from (t, y), with c.k1 = f(t, y) on entry: writes the 5th-order
   * solution to c.y1 and f(t + h, y1) to c.k7 (six calls of `rhs`), and returns the RMS norm
   * of the embedded error estimate weighted by atol + rtol·max(|y|, |y1|) (accept when ≤ 1).
   */
  step(c: Dopri5Cache, rhs: Rhs, t: number, h: number, y: Float64Array, p: Float64Array, rtol: number, atol: number): number;
  /** Prepares the interpolant of the accepted step (t, y) → (t + h, c.y1), before the FSAL swap. */
  prepareDense(c: Dopri5Cache, h: number, y: Float64Array): void;
  /** Writes the state at t + θ·h (0 ≤ θ ≤ 1) of the prepared step to `out`. */
  interpolate(c: Dopri5Cache, theta: number, out: Float64Array): void;
}

/**
 * Up to this many states the loops over the state vector are unrolled: a PK model has a
 * handful of states and its step is then mostly register arithmetic (about 3× faster on the
 * reference workload than indexed loops); larger systems keep loops so code size stays linear.
 */
const UNROLL_MAX = 32;

const cached = new Map<number, Dopri5Kernels>();

/**
 * The Dormand–Prince kernels for n states, generated once per n. The generated expressions
 * are, term for term, the formulas of Hairer's DOPRI5, so results do not depend on n's code path.
 * Internal.
 */
export function dopri5Kernels(n: number): Dopri5Kernels {
  let kernels = cached.get(n);
  if (!kernels) {
    kernels = generate(n);
    cached.set(n, kernels);
  }
  return kernels;
}

/** A coefficient as a JavaScript literal that reads back as the same double. */
function c(value: number): string {
  return value < 0 ? `(${value})` : String(value);
}

function generate(n: number): Dopri5Kernels {
  // `each(body)` repeats a statement over the states: unrolled with constant indices, or a loop.
  const each =
    n <= UNROLL_MAX
      ? (body: (i: string) => string) => Array.from({ length: n }, (_, i) => body(String(i))).join("\n")
      : (body: (i: string) => string) => `for (let i = 0; i < ${n}; i++) {\n${body("i")}\n}`;
  const stage = (target: string, terms: [number, string][]) =>
    each((i) => `${target}[${i}] = y[${i}] + h * (${terms.map(([a, k]) => `${c(a)} * ${k}[${i}]`).join(" + ")});`);

  const step = `
const { k1, k2, k3, k4, k5, k6, k7, ytmp, ysti, y1 } = cache;
${each((i) => `ytmp[${i}] = y[${i}] + h * ${c(T.a21)} * k1[${i}];`)}
rhs(t + ${c(T.c2)} * h, ytmp, p, k2);
${stage("ytmp", [[T.a31, "k1"], [T.a32, "k2"]])}
rhs(t + ${c(T.c3)} * h, ytmp, p, k3);
${stage("ytmp", [[T.a41, "k1"], [T.a42, "k2"], [T.a43, "k3"]])}
rhs(t + ${c(T.c4)} * h, ytmp, p, k4);
${stage("ytmp", [[T.a51, "k1"], [T.a52, "k2"], [T.a53, "k3"], [T.a54, "k4"]])}
rhs(t + ${c(T.c5)} * h, ytmp, p, k5);
${stage("ysti", [[T.a61, "k1"], [T.a62, "k2"], [T.a63, "k3"], [T.a64, "k4"], [T.a65, "k5"]])}
const tph = t + h;
rhs(tph, ysti, p, k6);
${stage("y1", [[T.a71, "k1"], [T.a73, "k3"], [T.a74, "k4"], [T.a75, "k5"], [T.a76, "k6"]])}
rhs(tph, y1, p, k7);
let err = 0;
${each(
  (i) => `{
  const e = h * (${c(T.e1)} * k1[${i}] + ${c(T.e3)} * k3[${i}] + ${c(T.e4)} * k4[${i}] + ${c(T.e5)} * k5[${i}] + ${c(T.e6)} * k6[${i}] + ${c(T.e7)} * k7[${i}]);
  const sk = atol + rtol * Math.max(Math.abs(y[${i}]), Math.abs(y1[${i}]));
  err += (e / sk) * (e / sk);
}`,
)}
return Math.sqrt(err / ${n});`;

  const prepareDense = `
const { k1, k3, k4, k5, k6, k7, y1, rcont1, rcont2, rcont3, rcont4, rcont5 } = cache;
${each(
  (i) => `{
  const ydiff = y1[${i}] - y[${i}];
  const bspl = h * k1[${i}] - ydiff;
  rcont1[${i}] = y[${i}];
  rcont2[${i}] = ydiff;
  rcont3[${i}] = bspl;
  rcont4[${i}] = ydiff - h * k7[${i}] - bspl;
  rcont5[${i}] = h * (${c(T.d1)} * k1[${i}] + ${c(T.d3)} * k3[${i}] + ${c(T.d4)} * k4[${i}] + ${c(T.d5)} * k5[${i}] + ${c(T.d6)} * k6[${i}] + ${c(T.d7)} * k7[${i}]);
}`,
)}`;

  const interpolate = `
const { rcont1, rcont2, rcont3, rcont4, rcont5 } = cache;
const theta1 = 1 - theta;
${each((i) => `out[${i}] = rcont1[${i}] + theta * (rcont2[${i}] + theta1 * (rcont3[${i}] + theta * (rcont4[${i}] + theta1 * rcont5[${i}])));`)}`;

  return {
    step: new Function("cache", "rhs", "t", "h", "y", "p", "rtol", "atol", step) as Dopri5Kernels["step"],
    prepareDense: new Function("cache", "h", "y", prepareDense) as Dopri5Kernels["prepareDense"],
    interpolate: new Function("cache", "theta", "out", interpolate) as Dopri5Kernels["interpolate"],
  };
}
