import { StepBudget } from "../common/budget.js";
import { resolveOptions } from "../common/options.js";
import { newStats } from "../common/stats.js";
import type { Algorithm, Integrator, Jacobian, Rhs, RhsCode, SolverOptions } from "../types.js";
import { Dopri5Integrator } from "./integrator.js";
import { checkSize } from "../common/size.js";

/**
 * Dormand–Prince 5(4), the explicit Runge–Kutta method of Hairer's DOPRI5 (Hairer, Nørsett &
 * Wanner, Solving Ordinary Differential Equations I, 2nd ed., Springer 1993, §II.5): order 5
 * with an embedded 4th-order error estimate, FSAL (6 right-hand side calls per step), PI
 * step-size control, Hairer's initial step at each `advance` (each dose interval), and
 * 4th-order dense output at the output times. The method for non-stiff problems such as
 * most PK models; the Jacobian is not used. Given the right-hand side's source (`RhsCode`,
 * which compiled models provide), its generated loop has it inlined.
 *
 * @example
 * const decay = (t, y, p, dy) => { dy[0] = -p[0] * y[0]; };
 * const sol = solve({ rhs: decay, y0: [100], p: [0.2], tspan: [0, 24] }, dopri5());
 * sol.y[0][100]; // 100·exp(−4.8) ≈ 0.823
 */
export function dopri5(): Algorithm {
  return DOPRI5;
}

const DOPRI5: Algorithm = Object.freeze({
  name: "dopri5",
  order: 5,
  stiff: false,
  createIntegrator(n: number, rhs: Rhs, _jacobian: Jacobian | undefined, options?: SolverOptions, code?: RhsCode): Integrator {
    checkSize(n);
    const o = resolveOptions(options);
    return new Dopri5Integrator(n, rhs, o, new StepBudget(o.maxSteps, o.maxWallMs), newStats(), code);
  },
});
