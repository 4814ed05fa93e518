import { getModel } from "../library/index.js";
import { parameterVector } from "../model/index.js";
import type { Model } from "../model/types.js";

/**
 * Secondary (derived) parameters of a built-in compartment model, from closed forms. Rates in
 * 1/time, volumes in the model's volume unit, macro-constants per unit dose (concentration per
 * amount: C(t) = dose·Σ coefficients[i]·exp(−exponents[i]·t) after an IV bolus into the central
 * compartment).
 */
export interface SecondaryParameters {
  model: string;
  /** Elimination rate constant from the central compartment, k10 = CL/V1. */
  k10: number;
  /** Inter-compartmental micro-constants (k12, k21, k13, k31), where the model has them. */
  micro: Record<string, number>;
  /** Disposition exponents, largest first: λ1 = α, λ2 = β, λ3 = γ (1-compartment: k10). */
  exponents: number[];
  /** Macro-constants A, B, C per unit IV bolus dose, in `exponents` order. */
  coefficients: number[];
  /** Half-lives ln 2/λ of each exponent, in `exponents` order (the last is the terminal half-life). */
  halfLives: number[];
  /** Absorption half-life ln 2/KA (oral models; NaN otherwise). */
  absorptionHalfLife: number;
  /** Volume of distribution at steady state, V1 + V2 (+ V3). */
  vss: number;
  /** Volume of the terminal phase, Vz = CL/λz. */
  vz: number;
  /** Accumulation ratio for dosing every `tau`, 1/(1 − e^(−λz·τ)) on the terminal phase (NaN without `tau`). */
  accumulation: number;
  /**
   * Average steady-state concentration F·dose/(CL·τ) for `dose` every `tau` (NaN without both),
   * and the amount and time units this assumes are the model's.
   */
  cssAverage: number;
}

/**
 * Secondary parameters of `pk1cmt_iv`, `pk1cmt_oral`, `pk2cmt_iv`, `pk2cmt_oral`, `pk3cmt_iv` and
 * `pk3cmt_oral` (the NONMEM ADVAN1–4, 11, 12 parameterisations) at the given parameter values
 * (model defaults for the rest). Closed forms (Gibaldi & Perrier, *Pharmacokinetics*, 2nd ed.,
 * 1982, ch. 2 and appendix C; Rowland & Tozer, *Clinical Pharmacokinetics and
 * Pharmacodynamics*, 4th ed., 2011, ch. 19):
 * - two compartments: k10 = CL/V1, k12 = Q/V1, k21 = Q/V2; α, β = ½[(k10 + k12 + k21) ± √((k10 + k12 + k21)² − 4·k10·k21)];
 *   A = (α − k21)/(V1(α − β)), B = (k21 − β)/(V1(α − β));
 * - three compartments: α, β, γ the roots of λ³ − a₂λ² + a₁λ − a₀ with a₀ = k10·k21·k31,
 *   a₁ = k10·k31 + k21·k31 + k21·k13 + k10·k21 + k31·k12, a₂ = k10 + k12 + k13 + k21 + k31 (trigonometric
 *   solution of the cubic); coefficient of λi: (k21 − λi)(k31 − λi)/(V1·Π_{j≠i}(λj − λi));
 * - Vss = ΣV, Vz = CL/λz, accumulation 1/(1 − e^(−λz·τ)), Css,avg = F·dose/(CL·τ).
 * Any other model is an error naming the supported ones.
 *
 * @example
 * const s = secondaryParameters("pk2cmt_iv", { CL: 5, V1: 50, Q: 2, V2: 100 }, { tau: 12, dose: 100 });
 * s.halfLives; // [α half-life, β (terminal) half-life] in h
 * s.cssAverage; // 100/(5·12) mg/L
 */
export function secondaryParameters(
  model: Model | string,
  params: Readonly<Record<string, number>> = {},
  regimen: { tau?: number; dose?: number } = {},
): SecondaryParameters {
  const m = typeof model === "string" ? getModel(model) : model;
  const kind = /^pk([123])cmt_(iv|oral)$/.exec(m.name);
  if (!kind) {
    throw new Error(`secondary parameters are derived for the built-in models pk1cmt_iv, pk1cmt_oral, pk2cmt_iv, pk2cmt_oral, pk3cmt_iv and pk3cmt_oral, not ${m.name}`);
  }
  const p = parameterVector(m, params);
  const value = (name: string): number => {
    const i = m.parameters.findIndex((q) => q.name === name);
    return i < 0 ? NaN : p[i];
  };
  const cl = value("CL");
  const v1 = kind[1] === "1" ? value("V") : value("V1");
  const k10 = cl / v1;
  const micro: Record<string, number> = {};
  let exponents: number[];
  let coefficients: number[];
  let vss = v1;
  if (kind[1] === "1") {
    exponents = [k10];
    coefficients = [1 / v1];
  } else if (kind[1] === "2") {
    const [q, v2] = [value("Q"), value("V2")];
    const k12 = (micro.k12 = q / v1);
    const k21 = (micro.k21 = q / v2);
    vss += v2;
    const sum = k10 + k12 + k21;
    const root = Math.sqrt(sum * sum - 4 * k10 * k21);
    const alpha = (sum + root) / 2;
    // β from the product αβ = k10·k21: no cancellation when β is much smaller than α.
    const beta = (k10 * k21) / alpha;
    exponents = [alpha, beta];
    coefficients = [(alpha - k21) / (v1 * (alpha - beta)), (k21 - beta) / (v1 * (alpha - beta))];
  } else {
    const [q2, v2, q3, v3] = [value("Q2"), value("V2"), value("Q3"), value("V3")];
    const k12 = (micro.k12 = q2 / v1);
    const k21 = (micro.k21 = q2 / v2);
    const k13 = (micro.k13 = q3 / v1);
    const k31 = (micro.k31 = q3 / v3);
    vss += v2 + v3;
    const a2 = k10 + k12 + k13 + k21 + k31;
    const a1 = k10 * k31 + k21 * k31 + k21 * k13 + k10 * k21 + k31 * k12;
    const a0 = k10 * k21 * k31;
    exponents = cubicRoots(a2, a1, a0);
    coefficients = exponents.map((l, i) => ((k21 - l) * (k31 - l)) / (v1 * exponents.reduce((prod, lj, j) => (j === i ? prod : prod * (lj - l)), 1)));
  }
  const terminal = exponents[exponents.length - 1];
  const tau = regimen.tau ?? NaN;
  const f = Number.isNaN(value("F1")) ? 1 : value("F1");
  return {
    model: m.name,
    k10,
    micro,
    exponents,
    coefficients,
    halfLives: exponents.map((l) => Math.LN2 / l),
    absorptionHalfLife: kind[2] === "oral" ? Math.LN2 / value("KA") : NaN,
    vss,
    vz: cl / terminal,
    accumulation: 1 / (1 - Math.exp(-terminal * tau)),
    cssAverage: (f * (regimen.dose ?? NaN)) / (cl * tau),
  };
}

/**
 * The three real roots, largest first, of λ³ − a₂λ² + a₁λ − a₀ = 0 (the characteristic polynomial
 * of a mammillary three-compartment model, whose roots are real and positive), by the
 * trigonometric method (Press et al., *Numerical Recipes*, 3rd ed., 2007, §5.6).
 */
function cubicRoots(a2: number, a1: number, a0: number): number[] {
  // x³ + a x² + b x + c with a = −a₂, b = a₁, c = −a₀.
  const a = -a2;
  const q = (a * a - 3 * a1) / 9;
  const r = (2 * a * a * a - 9 * a * a1 + 27 * -a0) / 54;
  const theta = Math.acos(Math.max(-1, Math.min(1, r / Math.sqrt(q * q * q))));
  const s = -2 * Math.sqrt(q);
  return [0, 1, 2].map((k) => s * Math.cos((theta + 2 * Math.PI * k) / 3) - a / 3).sort((x, y) => y - x);
}
