import { Matrix, solve } from "ml-matrix";

/** An objective at a point: its value, gradient and a positive semi-definite Hessian (exact or expected). @internal */
export interface SecondOrder {
  value: number;
  gradient: Float64Array;
  hessian: Matrix;
  /** Why the value could not be computed there (the value is then not finite). */
  failure?: string;
}

/** How a minimisation ended. */
export type FitStatus = "converged" | "max-iterations" | "failed";

/** The minimiser's result: the point, the objective there and how it stopped. @internal */
export type Minimum<T extends SecondOrder = SecondOrder> = T & {
  u: Float64Array;
  status: FitStatus;
  message: string;
  iterations: number;
  evaluations: number;
};

/** Options of {@link levenbergMarquardt}. @internal */
export interface LevenbergMarquardtOptions {
  /** Default 200. */
  maxIterations?: number;
  /** Stop when an accepted step lowers the objective by less than this (default 1e-9, absolute). */
  tolerance?: number;
  /** Called after each accepted step with the iteration and objective (progress of long fits). */
  onIteration?: (iteration: number, value: number) => void;
}

/**
 * Levenberg–Marquardt on a second-order model (Levenberg 1944, Marquardt 1963, with
 * Marquardt's scaling by the Hessian's diagonal): step δ solves (H + λ·diag(H))·δ = −g;
 * a step that lowers the objective is taken and λ shrinks tenfold, otherwise λ grows
 * tenfold and the step is tried again. With H the Gauss–Newton (or expected) Hessian this
 * is the classic nonlinear least-squares method (Moré 1978) generalised to likelihoods by
 * Fisher scoring. Numerical trouble is a status, not an exception: the result is the last
 * accepted point.
 * @internal
 */
export function levenbergMarquardt<T extends SecondOrder>(objective: (u: Float64Array) => T, start: Float64Array, options: LevenbergMarquardtOptions = {}): Minimum<T> {
  const { maxIterations = 200, tolerance = 1e-9, onIteration } = options;
  let u = Float64Array.from(start);
  let current = objective(u);
  let evaluations = 1;
  if (!isFiniteValue(current)) return { ...current, u, status: "failed", message: `the objective is not finite at the initial values (${current.failure ?? current.value})`, iterations: 0, evaluations };
  let lambda = 1e-4;
  const m = u.length;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    // Newton decrement: the full step would lower the objective by about −gᵀδ/2; below the
    // tolerance we are there, without spending another evaluation to find out.
    const newton = solveStep(current.hessian, current.gradient);
    if (newton !== undefined && -dot(newton, current.gradient) / 2 < tolerance) {
      return { ...current, u, status: "converged", message: `converged in ${iteration - 1} iterations`, iterations: iteration - 1, evaluations };
    }
    let accepted = false;
    let decrease = 0;
    while (lambda < 1e16) {
      const a = current.hessian.clone();
      for (let k = 0; k < m; k++) a.set(k, k, a.get(k, k) + lambda * Math.max(a.get(k, k), 1e-12));
      const step = solveStep(a, current.gradient);
      if (step === undefined) {
        lambda *= 10;
        continue;
      }
      const trial = u.map((x, k) => x + step[k]);
      const next = objective(trial);
      evaluations++;
      if (isFiniteValue(next) && next.value <= current.value) {
        decrease = current.value - next.value;
        u = trial;
        current = next;
        lambda = Math.max(lambda / 10, 1e-12);
        accepted = true;
        break;
      }
      lambda *= 10;
    }
    onIteration?.(iteration, current.value);
    if (accepted && decrease < tolerance) return { ...current, u, status: "converged", message: `converged in ${iteration} iterations`, iterations: iteration, evaluations };
    if (!accepted) {
      // Not even a tiny step lowers the objective: a minimum to rounding, unless the gradient says otherwise.
      const scaled = gradientSize(current);
      if (scaled < 1e-6) return { ...current, u, status: "converged", message: `converged in ${iteration} iterations`, iterations: iteration, evaluations };
      return { ...current, u, status: "failed", message: `no step lowers the objective (scaled gradient ${scaled.toExponential(2)}); the model may be unidentifiable or the start too far`, iterations: iteration, evaluations };
    }
  }
  return { ...current, u, status: "max-iterations", message: `stopped after ${maxIterations} iterations without converging`, iterations: maxIterations, evaluations };
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function isFiniteValue(x: SecondOrder): boolean {
  return Number.isFinite(x.value) && x.gradient.every(Number.isFinite);
}

function solveStep(a: Matrix, gradient: Float64Array): Float64Array | undefined {
  try {
    const step = solve(a, Matrix.columnVector(Array.from(gradient, (g) => -g))).getColumn(0);
    return step.every(Number.isFinite) ? Float64Array.from(step) : undefined;
  } catch {
    return undefined;
  }
}

/** gᵀ·diag(H)⁻¹·g: the expected decrease of a Newton step, scale-free. */
function gradientSize(x: SecondOrder): number {
  let s = 0;
  x.gradient.forEach((g, k) => (s += (g * g) / Math.max(x.hessian.get(k, k), 1e-300)));
  return s;
}
