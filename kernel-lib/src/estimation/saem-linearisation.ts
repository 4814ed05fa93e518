import type { Dataset } from "../dosing/types.js";
import type { Model } from "../model/types.js";
import type { SimulateOptions } from "../simulation/index.js";
import { fitPopulation } from "./fit-population.js";
import { PopulationFit } from "./population-fit.js";
import type { SaemFit } from "./saem.js";

/**
 * Standard errors and diagnostics of a SAEM fit by linearisation: the FOCE-I objective
 * (the model linearised around each subject's conditional mode) is evaluated at SAEM's
 * estimates without a search, and its covariance step (R⁻¹SR⁻¹, as NONMEM's) gives the
 * SE and RSE % of THETA, OMEGA and SIGMA; the result also carries FOCE-I's OFV there, the
 * EBEs, PRED/IPRED/CWRES and the goodness-of-fit plots. Monolix offers the same
 * linearisation for its Fisher information. The status is "max-iterations" (no search was
 * made); the message says so.
 *
 * @example
 * const saem = fitSaem("pk1cmt_oral", theoph, { theta: { KA: 1, CL: 3, V: 30 }, omega: { KA: 0.3, CL: 0.1, V: 0.1 }, sigma: { additive: 0.5 } });
 * const lin = saemLinearisation("pk1cmt_oral", theoph, saem);
 * lin.estimates; // SE and RSE % at SAEM's estimates
 */
export function saemLinearisation(model: Model | string, data: Dataset, fit: Pick<SaemFit, "population" | "beta">, options: SimulateOptions = {}): PopulationFit {
  const { theta, individual, omega, sigma, output } = fit.population;
  // Covariate effects β may be negative: searched (and their SE reported) on the linear scale.
  const setups = Object.fromEntries(Object.entries(theta).map(([name, value]) => [name, Object.prototype.hasOwnProperty.call(fit.beta, name) ? { value, scale: "linear" as const } : value]));
  const at = fitPopulation(model, data, { ...options, output, theta: setups, individual, omega, sigma, maxIterations: 0, covariance: true });
  return new PopulationFit({ ...at, message: "FOCE-I linearisation at SAEM's estimates (no search)" });
}
