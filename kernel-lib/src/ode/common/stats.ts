import type { SolverStats } from "../types.js";

/** Counters every pmxlab integrator keeps, the optional ones included. Internal. */
export type FullStats = Required<SolverStats>;

/** Zeroed {@link FullStats}. Internal. */
export function newStats(): FullStats {
  return { steps: 0, rejected: 0, rhsEvals: 0, jacobianEvals: 0, factorizations: 0, stiffSteps: 0, switches: 0 };
}
