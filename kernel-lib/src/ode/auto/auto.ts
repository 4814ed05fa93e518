import { StepBudget } from "../common/budget.js";
import { resolveOptions } from "../common/options.js";
import { checkSize } from "../common/size.js";
import { newStats } from "../common/stats.js";
import { Dopri5Integrator } from "../dopri5/integrator.js";
import { Rodas4Integrator } from "../rodas4/integrator.js";
import type { Algorithm, Integrator, Jacobian, Rhs, RhsCode, SolverOptions } from "../types.js";
import { AutoIntegrator } from "./integrator.js";

/**
 * The default algorithm: automatic stiffness switching in the spirit of LSODA (Petzold 1983).
 * It starts with dopri5; when Hairer's stiffness estimate h·ρ ≈ h·‖f(y1) − f(ŷ)‖/‖y1 − ŷ‖
 * (Hairer & Wanner, Solving ODEs II, §IV.2) shows stability-bound steps (h·ρ > 2, where
 * Hairer uses 3.25: see dopri5/integrator.ts) 15 times without 6 non-stiff steps in between,
 * it continues with rodas4; it switches back when rodas4's steps satisfy h·‖J‖∞ < 1 (well
 * inside dopri5's stability region) for 15 steps in a row.
 * The method in use is kept from one `advance` (dose interval) to the next.
 * `stats.stiffSteps` and `stats.switches` tell what happened.
 *
 * @example
 * const sol = solve(problem); // auto() is the default
 * sol.stats.stiffSteps; // 0 for a non-stiff PK model
 */
export function auto(): Algorithm {
  return AUTO;
}

const AUTO: Algorithm = Object.freeze({
  name: "auto",
  order: 5,
  stiff: "auto" as const,
  createIntegrator(n: number, rhs: Rhs, jacobian: Jacobian | undefined, options?: SolverOptions, code?: RhsCode): Integrator {
    checkSize(n);
    const o = resolveOptions(options);
    const budget = new StepBudget(o.maxSteps, o.maxWallMs);
    const stats = newStats();
    const nonstiff = new Dopri5Integrator(n, rhs, o, budget, stats, code);
    const stiff = new Rodas4Integrator(n, rhs, jacobian, o, budget, stats);
    return new AutoIntegrator(n, nonstiff, stiff, budget, stats);
  },
});
