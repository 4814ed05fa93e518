import type { FitStatus } from "./levenberg-marquardt.js";

/** Result of {@link quasiNewton}. @internal */
export interface QuasiNewtonResult {
  x: Float64Array;
  value: number;
  gradient: Float64Array;
  status: FitStatus;
  message: string;
  iterations: number;
  evaluations: number;
}

/** Options of {@link quasiNewton}. @internal */
export interface QuasiNewtonOptions {
  maxIterations?: number;
  /** Stop when an iteration lowers the value by less than this (default 1e-6 absolute: NONMEM-like 3+ significant digits of an OFV). */
  tolerance?: number;
  /** Central-difference step on the search scale (default 1e-4). */
  step?: number;
  /**
   * The gradient at x when it can be computed directly (undefined: use central differences
   * there), e.g. analytically.
   */
  gradient?: (x: Float64Array) => Float64Array | undefined;
  onIteration?: (iteration: number, value: number) => void;
}

/**
 * BFGS (Broyden–Fletcher–Goldfarb–Shanno; Nocedal & Wright 2006, Alg. 6.1) with a given
 * gradient or central finite differences, and a backtracking Armijo line search: the outer
 * loop of population estimation, where each value needs every subject's conditional mode.
 * Non-finite values are treated as too long a step.
 * @internal
 */
export function quasiNewton(f: (x: Float64Array) => number, start: Float64Array, options: QuasiNewtonOptions = {}): QuasiNewtonResult {
  const { maxIterations = 200, tolerance = 1e-6, step = 1e-4, onIteration, gradient: direct } = options;
  const m = start.length;
  let evaluations = 0;
  const value = (x: Float64Array) => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const gradient = (x: Float64Array) =>
    direct?.(x) ??
    Float64Array.from({ length: m }, (_, k) => {
      const up = Float64Array.from(x);
      const down = Float64Array.from(x);
      up[k] += step;
      down[k] -= step;
      return (value(up) - value(down)) / (2 * step);
    });
  let x = Float64Array.from(start);
  let fx = value(x);
  if (!Number.isFinite(fx)) return { x, value: fx, gradient: new Float64Array(m), status: "failed", message: "the objective is not finite at the initial estimates", iterations: 0, evaluations };
  let g = gradient(x);
  // Inverse Hessian approximation, identity scaled on the first step.
  let h = identity(m);
  /** The result at convergence, after polishing on a direct gradient (kept unless it raises the objective beyond the tolerance). */
  const converged = (iteration: number, note: string): QuasiNewtonResult => {
    const polished = direct ? polish(direct, x, g, h) : undefined;
    if (polished && polished.steps > 0) {
      const fPolished = value(polished.x);
      if (fPolished < fx + tolerance) {
        x = polished.x;
        g = polished.gradient;
        fx = fPolished;
        note += `, then ${polished.steps} quasi-Newton ${polished.steps === 1 ? "step" : "steps"} on the gradient`;
      }
    }
    return { x, value: fx, gradient: g, status: "converged", message: `converged in ${iteration} iterations${note}`, iterations: iteration, evaluations };
  };
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const direction = multiply(h, g).map((d) => -d);
    let slope = dot(direction, g);
    if (!(slope < 0)) {
      h = identity(m);
      direction.set(g.map((d) => -d));
      slope = -dot(g, g);
    }
    let alpha = iteration === 1 ? Math.min(1, 1 / Math.sqrt(dot(g, g))) : 1;
    let next = x;
    let fNext = Infinity;
    for (let tries = 0; tries < 40; tries++) {
      next = x.map((xi, k) => xi + alpha * direction[k]);
      fNext = value(next);
      if (fNext <= fx + 1e-4 * alpha * slope) break;
      // A shorter step would lower the objective by less than the tolerance (−α·slope is
      // its first-order decrease): the minimum is found to the tolerance, stop halving.
      if (-alpha * slope < tolerance) break;
      alpha /= 2;
    }
    if (!(fNext < fx)) {
      onIteration?.(iteration, fx);
      return converged(iteration, ` (no step lowers the objective; gradient norm ${Math.sqrt(dot(g, g)).toExponential(2)})`);
    }
    const gNext = gradient(next);
    const s = next.map((xi, k) => xi - x[k]);
    const y = gNext.map((gi, k) => gi - g[k]);
    const decrease = fx - fNext;
    x = next;
    fx = fNext;
    g = gNext;
    onIteration?.(iteration, fx);
    const sy = dot(s, y);
    if (sy > 1e-12) h = bfgsUpdate(h, s, y, sy, iteration === 1);
    if (decrease < tolerance) return converged(iteration, "");
  }
  return { x, value: fx, gradient: g, status: "max-iterations", message: `stopped after ${maxIterations} iterations without converging`, iterations: maxIterations, evaluations };
}

/**
 * Quasi-Newton steps on the gradient alone from where the line search stopped. There the
 * objective's own noise (each value needs inner optimisations, found to a tolerance) is as
 * large as the decrease left, while a direct gradient (exact to first order in that
 * tolerance) still points at the minimum: steps x ← x − H·g are taken while they shrink gᵀHg,
 * at most 10, until the predicted decrease gᵀHg/2 is below 1e-12.
 */
function polish(gradient: (x: Float64Array) => Float64Array | undefined, start: Float64Array, g0: Float64Array, h0: Float64Array[]): { x: Float64Array; gradient: Float64Array; steps: number } {
  let x = start;
  let g = g0;
  let h = h0;
  let steps = 0;
  while (steps < 10) {
    const hg = multiply(h, g);
    if (!(dot(hg, g) / 2 > 1e-12)) break;
    const next = x.map((xi, k) => xi - hg[k]);
    const gNext = gradient(next);
    if (!gNext || !(dot(multiply(h, gNext), gNext) < dot(hg, g))) break;
    const s = hg.map((d) => -d);
    const y = gNext.map((gi, k) => gi - g[k]);
    const sy = dot(s, y);
    if (sy > 1e-12) h = bfgsUpdate(h, s, y, sy, false);
    x = next;
    g = gNext;
    steps++;
  }
  return { x, gradient: g, steps };
}

function identity(m: number): Float64Array[] {
  return Array.from({ length: m }, (_, i) => Float64Array.from({ length: m }, (_, j) => (i === j ? 1 : 0)));
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function multiply(h: Float64Array[], v: Float64Array): Float64Array {
  return Float64Array.from(h, (row) => dot(row, v));
}

/** H⁺ = (I − ρsyᵀ)H(I − ρysᵀ) + ρssᵀ, with H scaled by sᵀy/yᵀy before the first update (Nocedal & Wright eq. 6.20). */
function bfgsUpdate(h: Float64Array[], s: Float64Array, y: Float64Array, sy: number, first: boolean): Float64Array[] {
  const m = s.length;
  const base = first ? identity(m).map((row) => row.map((v) => (v * sy) / dot(y, y))) : h;
  const rho = 1 / sy;
  const hy = multiply(base, y);
  const yhy = dot(y, hy);
  return base.map((row, i) => row.map((v, j) => v - rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j]));
}
