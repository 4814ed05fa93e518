import { StepBudget } from "../common/budget.js";
import { resolveOptions } from "../common/options.js";
import { checkSize } from "../common/size.js";
import { newStats } from "../common/stats.js";
import type { Algorithm, Integrator, Jacobian, Rhs, SolverOptions } from "../types.js";
import { Rodas4Integrator } from "./integrator.js";

/**
 * Rodas4, the stiffly accurate Rosenbrock method of order 4 (embedded order 3) of Hairer &
 * Wanner's RODAS (Solving Ordinary Differential Equations II, 2nd ed., Springer 1996,
 * §IV.7 and §VI.4): L-stable, six stages, one Jacobian and one LU factorisation of
 * I/(γh) − J per step, no Newton iterations; 3rd-order dense output. For stiff problems
 * (fast binding, turnover and QSP models). Uses the problem's Jacobian, or forward
 * differences (n extra right-hand side calls per step) when it has none.
 *
 * @example
 * const robertson = (t, y, p, dy) => {
 *   dy[0] = -0.04 * y[0] + 1e4 * y[1] * y[2];
 *   dy[2] = 3e7 * y[1] * y[1];
 *   dy[1] = -dy[0] - dy[2];
 * };
 * solve({ rhs: robertson, y0: [1, 0, 0], tspan: [0, 40] }, rodas4(), { rtol: 1e-8, atol: 1e-14 });
 */
export function rodas4(): Algorithm {
  return RODAS4;
}

const RODAS4: Algorithm = Object.freeze({
  name: "rodas4",
  order: 4,
  stiff: true,
  createIntegrator(n: number, rhs: Rhs, jacobian: Jacobian | undefined, options?: SolverOptions): Integrator {
    checkSize(n);
    const o = resolveOptions(options);
    return new Rodas4Integrator(n, rhs, jacobian, o, new StepBudget(o.maxSteps, o.maxWallMs), newStats());
  },
});
