import { luFactor, luSolve } from "../linalg/index.js";
import type { SolverStatus } from "../ode/types.js";
import { indexActions, type ActionList, type SteadyStateDose, type TimedAction } from "./actions.js";

/** Most dosing intervals simulated while iterating a nonlinear model to steady state. */
export const MAX_STEADY_STATE_INTERVALS = 1000;

/** Period used to reach steady state under a constant infusion (model time units). */
const CONSTANT_INFUSION_PERIOD = 24;

/**
 * The inputs of one dosing interval [0, τ) at steady state, as timed actions: the bolus at
 * phase ALAG mod τ, or every infusion (from this or earlier doses) overlapping the interval.
 */
export function periodActions(dose: SteadyStateDose): { period: number; actions: ActionList } {
  const actions: TimedAction[] = [];
  let seq = 0;
  const push = (time: number, action: TimedAction["action"]) => actions.push({ time, seq: seq++, action });
  if (dose.ii <= 0) {
    push(0, { kind: "infusion-start", cmt: dose.cmt, rate: dose.rate, infusion: 0 });
    return { period: CONSTANT_INFUSION_PERIOD, actions: indexActions(actions) };
  }
  const tau = dose.ii;
  if (dose.duration <= 0) {
    const phase = dose.lag % tau;
    push(phase, { kind: "bolus", cmt: dose.cmt, amount: dose.amount });
    return { period: tau, actions: indexActions(actions) };
  }
  // Infusion k started at lag − k·τ; keep those overlapping [0, τ).
  let id = 0;
  for (let k = Math.floor((dose.lag - tau) / tau) + 1; dose.lag - k * tau + dose.duration > 0; k++) {
    const start = dose.lag - k * tau;
    const end = start + dose.duration;
    push(Math.max(0, start), { kind: "infusion-start", cmt: dose.cmt, rate: dose.rate, infusion: id });
    if (end < tau) push(end, { kind: "infusion-end", infusion: id });
    id++;
  }
  return { period: tau, actions: indexActions(actions) };
}

/**
 * Finds the state x at the start of a dosing interval that one interval maps onto itself.
 * `interval(x)` simulates one interval from x in place. For a linear model the map is
 * affine, x ↦ E·x + c, so n + 1 evaluations give E and c and (I − E)·x = c is solved
 * exactly; otherwise the interval is repeated until successive states agree within the
 * tolerances (at most {@link MAX_STEADY_STATE_INTERVALS} intervals). States listed in
 * `accumulators` (pure integrals such as an AUC) have no fixed point and are left out: their
 * value in x is meaningless and the caller keeps its own.
 */
export function solveSteadyState(
  n: number,
  linear: boolean,
  x: Float64Array,
  interval: (x: Float64Array) => SolverStatus,
  tolerance: { rtol: number; atol: number },
  period = NaN,
  accumulators: readonly number[] = [],
): { status: SolverStatus; message: string } {
  if (linear) return affineFixedPoint(n, x, interval, period, accumulators);
  const previous = new Float64Array(n);
  for (let iteration = 0; iteration < MAX_STEADY_STATE_INTERVALS; iteration++) {
    previous.set(x);
    const status = interval(x);
    if (status !== "success") return { status, message: "" };
    let converged = true;
    for (let i = 0; i < n; i++) {
      if (accumulators.includes(i)) continue;
      if (Math.abs(x[i] - previous[i]) > tolerance.atol + tolerance.rtol * Math.abs(x[i])) converged = false;
    }
    if (converged) return { status: "success", message: "" };
  }
  return {
    status: "max-steps",
    message: `steady state not reached after ${MAX_STEADY_STATE_INTERVALS} dosing intervals (is the system stable at this dose?)`,
  };
}

function affineFixedPoint(
  n: number,
  x: Float64Array,
  interval: (x: Float64Array) => SolverStatus,
  period: number,
  accumulators: readonly number[],
): { status: SolverStatus; message: string } {
  const c = new Float64Array(n);
  let status = interval(c);
  if (status !== "success") return { status, message: "" };
  const iMinusE = new Float64Array(n * n);
  const column = new Float64Array(n);
  // Column j of E is (interval(s·e_j) − c) / s. With s = 1 the subtraction cancels the digits
  // of a large dose (1e12 ng left E with 5 correct digits, 1e20 none): a probe as large as
  // the state keeps E's error at a few ulps whatever the dose's size.
  let scale = 1;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(c[i]));
  for (let j = 0; j < n; j++) {
    column.fill(0);
    column[j] = scale;
    status = interval(column);
    if (status !== "success") return { status, message: "" };
    for (let i = 0; i < n; i++) iMinusE[i * n + j] = (i === j ? 1 : 0) - (column[i] - c[i]) / scale;
  }
  // An accumulator's column of I − E is zero (nothing depends on it, it keeps its value):
  // pin it with the equation x_j = 0 so the rest is solved on its own.
  for (const j of accumulators) {
    for (let k = 0; k < n; k++) iMinusE[j * n + k] = k === j ? 1 : 0;
    c[j] = 0;
  }
  // I − e^{Aτ} vanishes when one interval does not move the state to 10 digits: an interval
  // too short to matter (II = 1e-300) or a system with no dynamics at all (CL = 0 in one
  // compartment). Only the matrix is known here, not A, so the message names both causes.
  let change = 0;
  for (let k = 0; k < n * n; k++) change = Math.max(change, Math.abs(iMinusE[k]));
  if (change < 1e-10) {
    return { status: "unstable", message: `no steady state can be computed for the dosing interval II = ${period}: it is too short for one interval to change the state (by less than 1e-10 of it), or the system does not eliminate the drug (a clearance of 0); give a realistic II, an eliminating model or a constant infusion (II = 0 with RATE)` };
  }
  const pivot = new Int32Array(n);
  if (!luFactor(iMinusE, n, pivot)) {
    return { status: "unstable", message: "no steady state: the system does not eliminate the drug (I − e^{Aτ} is singular)" };
  }
  x.set(c);
  luSolve(iMinusE, n, pivot, x);
  return { status: "success", message: "" };
}
