import type { Model } from "../model/types.js";
import type { SolverStats, SolverStatus } from "../ode/types.js";

/**
 * The result of a simulation, columnar: row r is subject `id[r]` at `time[r]`.
 * Every output (e.g. CP) and every state (by compartment name) is a Float64Array column
 * of the same length. Rows are grouped by subject in the order simulated.
 */
export interface SimulationColumns {
  id: Float64Array;
  time: Float64Array;
  outputs: Record<string, Float64Array>;
  states: Record<string, Float64Array>;
}

export interface SimulationResult extends SimulationColumns {
  model: Model;
  /** "closed-form" or the ODE algorithm's name. */
  method: string;
  status: SolverStatus;
  message: string;
  stats: SolverStats;
}

/** An evenly spaced time grid; `end` defaults to the regimen's end, `step` to 1/200 of the span. */
export interface TimeGrid {
  start?: number;
  end?: number;
  step?: number;
}

/** How the states are propagated: exactly (linear models only), numerically, or chosen for you. */
export type SimulationMethod = "auto" | "closed-form" | "ode";
