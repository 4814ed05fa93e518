import type { Dataset } from "../dosing/types.js";
import { getModel } from "../library/index.js";
import type { Model } from "../model/types.js";
import { parseOmega, type OmegaSpec, type ResidualErrorSpec } from "../population/index.js";
import type { SimulateOptions } from "../simulation/index.js";
import { inverseOrUndefined } from "./covariance.js";
import { EstimationError } from "./estimation-error.js";
import { MapEstimate } from "./map-estimate.js";
import { mapObjective, omegaInverseFactor, posteriorMode } from "./map-problem.js";
import { subjectObservations } from "./observations.js";
import { sigmaEntries } from "./residual-variance.js";

/** The population model a MAP estimate starts from. */
export interface MapOptions extends SimulateOptions {
  /** Typical values (THETA) by parameter name; parameters not given keep the model's values. */
  theta: Readonly<Record<string, number>>;
  /** Between-subject variances (NONMEM's $OMEGA) of log-normal parameters: P = θ·exp(η). */
  omega: OmegaSpec;
  /** Residual error variances (NONMEM's $SIGMA): additive and/or proportional. */
  sigma: ResidualErrorSpec;
  /** Subject when the dataset has several (default: the only one). */
  id?: number;
  /** Model output compared with DV (default: the model's first output). */
  output?: string;
}

/**
 * Bayesian maximum a posteriori (MAP) estimate of one patient's parameters from their
 * levels (EVID 0, MDV 0 rows of `data`) and a population model: the η that minimises
 * Σ log vᵢ + (DVᵢ − fᵢ)²/vᵢ + ηᵀΩ⁻¹η (Sheiner et al. 1979, the objective of NONMEM's
 * POSTHOC step), by Levenberg–Marquardt on forward sensitivities. The posterior
 * covariance of η is the inverse of half the expected Hessian (Laplace approximation);
 * `intervals` are θ·exp(η̂ ∓ 1.96·SD).
 *
 * @example
 * const map = mapEstimate("pk1cmt_iv", levels, { theta: { CL: 5, V: 50 }, omega: { CL: 0.09, V: 0.04 }, sigma: { proportional: 0.01 } });
 * map.parameters.CL; // the patient's clearance (L/h)
 * console.log(map.toString());
 */
export function mapEstimate(model: Model | string, data: Dataset, options: MapOptions): MapEstimate {
  const m = typeof model === "string" ? getModel(model) : model;
  const { theta, omega: omegaSpec, sigma: sigmaSpec, id, output: outputName, ...solver } = options;
  const known = m.parameters.map((p) => p.name);
  for (const name of Object.keys(theta)) {
    if (!known.includes(name)) throw new EstimationError(`theta names "${name}", which is not a parameter of model ${m.name}; parameters: ${known.join(", ")}`);
    if (!(Number.isFinite(theta[name]) && theta[name] > 0)) throw new EstimationError(`theta ${name} = ${theta[name]}: a typical value must be finite and > 0 (parameters are log-normal)`);
  }
  const output = outputName ?? m.outputs[0]?.name;
  if (!m.outputs.some((o) => o.name === output)) throw new EstimationError(`unknown output "${output}" of model ${m.name}; outputs: ${m.outputs.map((o) => o.name).join(", ")}`);
  const omega = parseOmega(omegaSpec, known);
  const typical: Record<string, number> = Object.fromEntries(m.parameters.map((p) => [p.name, theta[p.name] ?? p.value]));
  for (const name of omega.names) {
    if (!(typical[name] > 0)) throw new EstimationError(`${name} has between-subject variability but its typical value ${typical[name]} is not > 0`);
  }
  const subjects = subjectObservations(data);
  const subject = id === undefined ? subjects[0] : subjects.find((s) => s.id === id);
  if (!subject) throw new EstimationError(`no subject with id ${id} has observations; ids: ${subjects.map((s) => s.id).join(", ")}`);
  if (id === undefined && subjects.length > 1) throw new EstimationError(`the dataset has ${subjects.length} subjects with observations; say which with \`id\``);
  const sigma = sigmaEntries(sigmaSpec);
  const objective = mapObjective({ model: m, subject, output, options: solver, typical, omega, inverseFactor: omegaInverseFactor(omega), sigma });
  const mode = posteriorMode(objective, omega.names.length);
  const at = mode;
  const inverse = inverseOrUndefined(at.hessian);
  const covariance = omega.names.map((_, i) => omega.names.map((_, j) => (inverse ? 2 * inverse.get(i, j) : NaN)));
  const population = objective(new Float64Array(omega.names.length)).prediction.f;
  return new MapEstimate({
    model: m,
    data: subject.data,
    output,
    solver,
    id: subject.id,
    status: mode.status,
    message: mode.message,
    typical,
    etaNames: omega.names,
    eta: Array.from(mode.u),
    covariance,
    objective: mode.value,
    table: { id: new Float64Array(subject.dv.length).fill(subject.id), time: subject.time, dv: subject.dv, pred: population, ipred: at.prediction.f },
  });
}
