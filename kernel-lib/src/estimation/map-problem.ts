import { inverse, Matrix } from "ml-matrix";
import { cholesky } from "../linalg/index.js";
import type { Model } from "../model/types.js";
import type { Omega } from "../population/index.js";
import type { SimulateOptions } from "../simulation/index.js";
import { EstimationError } from "./estimation-error.js";
import { levenbergMarquardt, type Minimum } from "./levenberg-marquardt.js";
import type { SubjectObservations } from "./observations.js";
import type { SigmaName } from "./residual-variance.js";
import { subjectObjective, type SubjectEvaluation } from "./subject-objective.js";

/** What a subject's posterior mode needs: typical values, OMEGA, SIGMA. @internal */
export interface MapProblem {
  model: Model;
  subject: SubjectObservations;
  output: string;
  options: SimulateOptions;
  /** Typical values of every parameter the model reads (θ with covariates applied). */
  typical: Record<string, number>;
  omega: Omega;
  /** L⁻¹ with L·Lᵀ = OMEGA (see {@link omegaInverseFactor}). */
  inverseFactor: Matrix;
  sigma: { names: SigmaName[]; values: number[] };
}

/**
 * L⁻¹ for OMEGA = L·Lᵀ; OMEGA must be positive definite (a zero variance is a parameter
 * without variability: leave it out of OMEGA).
 * @internal
 */
export function omegaInverseFactor(omega: Omega): Matrix {
  const l = cholesky(omega.matrix, { name: "OMEGA", labels: omega.names });
  l.forEach((row, i) => {
    if (!(row[i] > 0)) throw new EstimationError(`OMEGA is singular at ${omega.names[i]}: give it a positive variance or leave it out of OMEGA`);
  });
  return inverse(new Matrix(l));
}

/**
 * The subject's MAP objective in η: −2 log p(DV | η) + ηᵀΩ⁻¹η (without constants), with
 * parameter k = typical_k·exp(η_k) for the parameters in OMEGA (log-normal between-subject
 * variability, NONMEM's P = θ·EXP(η)) and the typical value for the others.
 * @internal
 */
export function mapObjective(problem: MapProblem): (eta: Float64Array) => SubjectEvaluation {
  const { model, subject, output, options, typical, omega, inverseFactor, sigma } = problem;
  const fixed: Record<string, number> = { ...typical };
  const searched = omega.names.map((name) => {
    const theta = typical[name];
    return { name, transform: { toValue: (u: number) => theta * Math.exp(u), toSearch: (x: number) => Math.log(x / theta), slope: (u: number) => theta * Math.exp(u) } };
  });
  for (const s of searched) delete fixed[s.name];
  return subjectObjective({ model, subject, output, options, fixed, searched, residual: { kind: "sigma", ...sigma, estimated: false }, priorInverseFactor: inverseFactor });
}

/** The posterior mode of η by Levenberg–Marquardt (Fisher scoring), from `start` (default 0). @internal */
export function posteriorMode(objective: (eta: Float64Array) => SubjectEvaluation, size: number, start?: Float64Array): Minimum<SubjectEvaluation> {
  return levenbergMarquardt(objective, start ?? new Float64Array(size), { tolerance: 1e-12 });
}
