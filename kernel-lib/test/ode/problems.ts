// Test problems with exact solutions written out here, independently of the solvers.
import type { Jacobian, Rhs } from "../../src/ode/index.js";

export interface ExactProblem {
  name: string;
  rhs: Rhs;
  jacobian: Jacobian;
  y0: number[];
  p: number[];
  tspan: [number, number];
  exact(t: number): number[];
}

/** y' = −k·y: y = y0·exp(−k·t). */
export const decay: ExactProblem = {
  name: "exponential decay",
  rhs: (_t, y, p, dy) => {
    dy[0] = -p[0] * y[0];
  },
  jacobian: (_t, _y, p, jac) => {
    jac[0] = -p[0];
  },
  y0: [100],
  p: [0.3],
  tspan: [0, 24],
  exact: (t) => [100 * Math.exp(-0.3 * t)],
};

/** Oral dose into a depot, first-order absorption KA and elimination K (Bateman function). */
const KA = 1.2;
const K = 0.15;
export const bateman: ExactProblem = {
  name: "Bateman oral absorption",
  rhs: (_t, y, p, dy) => {
    dy[0] = -p[0] * y[0];
    dy[1] = p[0] * y[0] - p[1] * y[1];
  },
  jacobian: (_t, _y, p, jac) => {
    jac[0] = -p[0];
    jac[1] = 0;
    jac[2] = p[0];
    jac[3] = -p[1];
  },
  y0: [100, 0],
  p: [KA, K],
  tspan: [0, 24],
  exact: (t) => [100 * Math.exp(-KA * t), ((100 * KA) / (KA - K)) * (Math.exp(-K * t) - Math.exp(-KA * t))],
};

/**
 * Two-compartment IV bolus of 100 mg (CL 5, V1 50, Q 2, V2 100): bi-exponential amounts
 * with α, β the roots of s² − (k10 + k12 + k21)·s + k10·k21.
 */
const k10 = 5 / 50;
const k12 = 2 / 50;
const k21 = 2 / 100;
const sum = k10 + k12 + k21;
const disc = Math.sqrt(sum * sum - 4 * k10 * k21);
const alpha = (sum + disc) / 2;
const beta = (sum - disc) / 2;
export const twoCompartmentBolus: ExactProblem = {
  name: "2-compartment IV bolus",
  rhs: (_t, y, p, dy) => {
    dy[0] = -(p[0] + p[1]) * y[0] + p[2] * y[1];
    dy[1] = p[1] * y[0] - p[2] * y[1];
  },
  jacobian: (_t, _y, p, jac) => {
    jac[0] = -(p[0] + p[1]);
    jac[1] = p[2];
    jac[2] = p[1];
    jac[3] = -p[2];
  },
  y0: [100, 0],
  p: [k10, k12, k21],
  tspan: [0, 72],
  exact: (t) => [
    (100 / (alpha - beta)) * ((alpha - k21) * Math.exp(-alpha * t) + (k21 - beta) * Math.exp(-beta * t)),
    ((100 * k12) / (alpha - beta)) * (Math.exp(-beta * t) - Math.exp(-alpha * t)),
  ],
};

/** Non-autonomous y' = cos(t)·y: y = exp(sin t); exercises ∂f/∂t in Rosenbrock steps. */
export const periodic: ExactProblem = {
  name: "non-autonomous y' = cos(t)·y",
  rhs: (t, y, _p, dy) => {
    dy[0] = Math.cos(t) * y[0];
  },
  jacobian: (t, _y, _p, jac) => {
    jac[0] = Math.cos(t);
  },
  y0: [1],
  p: [],
  tspan: [0, 10],
  exact: (t) => [Math.exp(Math.sin(t))],
};

/** Logistic growth y' = y(1 − y), y(0) = 0.1: y = 1/(1 + 9·exp(−t)); nonlinear, for orders. */
export const logistic: ExactProblem = {
  name: "logistic growth",
  rhs: (_t, y, _p, dy) => {
    dy[0] = y[0] * (1 - y[0]);
  },
  jacobian: (_t, y, _p, jac) => {
    jac[0] = 1 - 2 * y[0];
  },
  y0: [0.1],
  p: [],
  tspan: [0, 3],
  exact: (t) => [1 / (1 + 9 * Math.exp(-t))],
};

/** Robertson's chemical kinetics (k1 0.04, k2 3e7, k3 1e4), the classic stiff test. */
export const robertsonRhs: Rhs = (_t, y, _p, dy) => {
  dy[0] = -0.04 * y[0] + 1e4 * y[1] * y[2];
  dy[2] = 3e7 * y[1] * y[1];
  dy[1] = -dy[0] - dy[2];
};

/** Largest |computed − exact| / (|exact| + floor) over all states and times. */
export function maxRelativeError(
  t: ArrayLike<number>,
  y: Float64Array[],
  exact: (t: number) => number[],
  floor: number,
): number {
  let worst = 0;
  for (let j = 0; j < t.length; j++) {
    const e = exact(t[j]);
    for (let i = 0; i < e.length; i++) worst = Math.max(worst, Math.abs(y[i][j] - e[i]) / (Math.abs(e[i]) + floor));
  }
  return worst;
}
