import type { DoseRoute } from "../dosing/types.js";
import type { Jacobian, Rhs } from "../ode/types.js";

/** One model parameter, named as in the literature (CL, V, KA, EC50), with its unit. */
export interface ParameterSpec {
  name: string;
  value: number;
  unit: string;
  label?: string;
}

/** A named state. `cmt` is its NONMEM compartment number (1-based, declaration order). */
export interface CompartmentSpec {
  name: string;
  cmt: number;
  unit: string;
  label?: string;
}

/** A derived quantity: its expression as written and its inferred unit (e.g. K10 = CL/V1, 1/h). */
export interface DerivedSpec {
  name: string;
  expr: string;
  unit: string;
}

/** A route of a regimen dose and the compartment (NONMEM CMT) it doses, from `$ROUTES`. */
export interface RouteSpec {
  route: DoseRoute;
  cmt: number;
}

/** A molecular weight with its unit (g/mol or kg/mol), from `$MW`. */
export interface MolecularWeight {
  value: number;
  unit: string;
}

export interface OutputSpec {
  name: string;
  unit: string;
  label?: string;
}

/**
 * A compiled model: everything the simulation engine needs, with generated fast functions.
 * States y are indexed 0..n-1 in compartment order (y[cmt-1]); parameters p in `parameters` order.
 * Dose modifiers follow NONMEM names: a parameter `F<cmt>` scales doses into that compartment
 * (default 1) and `ALAG<cmt>` delays them (default 0).
 */
export interface Model {
  name: string;
  description: string;
  reference?: string;
  parameters: ParameterSpec[];
  compartments: CompartmentSpec[];
  outputs: OutputSpec[];
  /** Derived quantities in computation order, with inferred units (compiled models only). */
  derived?: DerivedSpec[];
  /** Unit of time t (default "h"): dataset and regimen times are in this unit. */
  timeUnit: string;
  /** Covariate names the model reads (values come from the dataset or the caller). */
  covariates: string[];
  /** The covariates with their default values and units, in `covariates` order. */
  covariateSpecs: ParameterSpec[];
  /**
   * dy/dt with derived quantities computed inline. `p` holds the parameter values followed by
   * the covariate values, in `parameters` then `covariates` order.
   */
  rhs: Rhs;
  jacobian: Jacobian;
  /** Initial state at time 0 (default zeros) for parameters p. */
  init(p: Float64Array, y0: Float64Array): void;
  /** Model outputs at (t, y): writes out[i] for outputs[i]. */
  output(t: number, y: Float64Array, p: Float64Array, out: Float64Array): void;
  /**
   * True when dy/dt = A(p)·y exactly (no t, no state-dependent coefficients, no constant
   * inputs). Then `jacobian(0, y, p, A)` is the system matrix and closed-form propagation applies.
   */
  linear: boolean;
  /**
   * The compartment each regimen route doses (`$ROUTES`); the first is the default dose
   * compartment. Absent or empty: a regimen names no route, and doses go to CMT 1.
   */
  routes?: RouteSpec[];
  /** Molecular weight (`$MW`): regimen doses in mol units into mass compartments, or the reverse. */
  molecularWeight?: MolecularWeight;
  /** What compiling found suspicious but accepted (also sent through `setWarningHandler`'s handler). */
  warnings?: string[];
  /** Source text of the model, when it was written in the pmxlab model format. */
  source?: string;
  /**
   * States (0-based) that only integrate: nothing depends on them and they have no steady
   * state of their own (the AUC states `exposureModel` adds). A steady-state dose leaves them
   * as they were instead of solving for them, which has no solution.
   */
  accumulators?: readonly number[];
  /** The generated JavaScript bodies, for reading and debugging. */
  generated?: { rhs: string; jacobian: string; output: string; init: string };
}
