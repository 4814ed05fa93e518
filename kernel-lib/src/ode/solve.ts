import { auto } from "./auto/index.js";
import { checkProblem } from "./problem.js";
import type { Algorithm, OdeProblem, OdeSolution, SolverOptions } from "./types.js";

/**
 * Solves an initial value problem, DifferentialEquations.jl style: problem → solve → solution.
 * Integrates dy/dt = rhs(t, y, p) from tspan[0] to tspan[1] with `algorithm` (default
 * {@link auto}) and returns the states at `problem.saveat` (default 101 evenly spaced
 * times), from dense output between steps. Numerical failure (max steps, step too small,
 * NaN/Inf, timeout) is reported in `status` and `message`, with the outputs reached so far;
 * misuse (empty or non-finite y0, non-finite p, t1 ≤ t0, saveat outside tspan, bad
 * options such as rtol ≤ 0) throws one Error naming the problem.
 *
 * @param options rtol (default 1e-6), atol (1e-9), maxSteps, maxWallMs, hmax, dt, adaptive.
 * @example
 * // Bateman: 100 mg oral, KA 1/h, K 0.1/h
 * const sol = solve({
 *   rhs: (t, y, p, dy) => { dy[0] = -p[0] * y[0]; dy[1] = p[0] * y[0] - p[1] * y[1]; },
 *   y0: [100, 0], p: [1, 0.1], tspan: [0, 24], saveat: [1, 2, 4, 8, 24],
 * });
 * sol.status; // "success"
 * sol.y[1]; // central amounts at 1, 2, 4, 8, 24 h
 */
export function solve(problem: OdeProblem, algorithm: Algorithm = auto(), options?: SolverOptions): OdeSolution {
  const { y0, p, t0, t1, saveat } = checkProblem(problem);
  const n = y0.length;
  const integrator = algorithm.createIntegrator(n, problem.rhs, problem.jacobian, options);
  const m = saveat.length;
  const ys: Float64Array[] = [];
  for (let i = 0; i < n; i++) ys.push(new Float64Array(m));
  let reached = 0;
  const sink = (k: number, yk: Float64Array) => {
    for (let i = 0; i < n; i++) ys[i][k] = yk[i];
    reached = k + 1;
  };
  const status = integrator.advance(t0, t1, y0, p, { times: saveat, from: 0, to: m, sink });
  const complete = reached === m;
  return {
    t: complete ? saveat : saveat.slice(0, reached),
    y: complete ? ys : ys.map((column) => column.slice(0, reached)),
    status,
    message: integrator.message,
    stats: { ...integrator.stats },
    algorithm: algorithm.name,
    problem,
  };
}
