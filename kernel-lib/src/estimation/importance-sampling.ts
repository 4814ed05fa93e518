import { inverse, Matrix } from "ml-matrix";
import type { Dataset } from "../dosing/types.js";
import { cholesky } from "../linalg/index.js";
import type { Model } from "../model/types.js";
import { RandomStream } from "../random/index.js";
import type { SimulateOptions } from "../simulation/index.js";
import { EstimationError } from "./estimation-error.js";
import { logDeterminant } from "./focei.js";
import { mapObjective, omegaInverseFactor, posteriorMode } from "./map-problem.js";
import { predict } from "./predict.js";
import { residualVariance, sigmaEntries } from "./residual-variance.js";
import { resolvePopulation, type PopulationValuesSpec } from "./simulate-design.js";

/** Options of {@link marginalLikelihood}. */
export interface MarginalLikelihoodOptions extends SimulateOptions {
  /** Importance samples per subject (default 1000). */
  samples?: number;
  /** Degrees of freedom of the multivariate t proposal (default 5, a whole number ≥ 1). */
  degreesOfFreedom?: number;
  /** Seed (default 1); subject i draws from the i-th substream of its stream. */
  seed?: number;
}

/** The marginal likelihood of a dataset under a population model, by importance sampling. */
export interface MarginalLikelihood {
  /** −2 log L with every constant (comparable with R's logLik and nlmixr2's). */
  minus2LogLikelihood: number;
  /** −2 log L without n·log 2π: comparable number for number with NONMEM's OFV (and `PopulationFit.ofv`). */
  ofv: number;
  /** Monte Carlo standard error of the −2 log L (delta method over the importance weights). */
  standardError: number;
  /** Each subject's −2 log p(yᵢ), dataset order. */
  subjects: number[];
  samples: number;
  observations: number;
}

/**
 * −2 log-likelihood of a population model by importance sampling (as NONMEM's IMP and
 * Monolix's log-likelihood estimate; Kuhn & Lavielle 2005): for each subject,
 * p(yᵢ) = ∫ p(yᵢ | η) p(η) dη ≈ (1/M) Σₘ p(yᵢ | ηₘ) p(ηₘ) / q(ηₘ) with ηₘ drawn from a
 * multivariate t proposal q (ν degrees of freedom, heavy tails so the weights have finite
 * variance) centred on the subject's posterior mode η̂ with scale the inverse of half the
 * expected Hessian of −2 log p(yᵢ, η) there (the Laplace approximation of the posterior).
 * Gaussian residuals with variance σ²_add + σ²_prop·f². Unlike FOCE-I's OFV this is
 * not an approximation but an estimate; its Monte Carlo error is reported.
 *
 * @example
 * const ll = marginalLikelihood("pk1cmt_oral", theoph, { theta: fit.theta, omega: fit.omega, sigma: fit.sigma });
 * ll.ofv; // close to FOCE-I's OFV for rich data
 */
export function marginalLikelihood(model: Model | string, data: Dataset, population: PopulationValuesSpec, options: MarginalLikelihoodOptions = {}): MarginalLikelihood {
  const { samples = 1000, degreesOfFreedom: nu = 5, seed = 1, ...solver } = options;
  if (!Number.isInteger(samples) || samples < 2) throw new EstimationError(`samples = ${samples}: give a whole number ≥ 2`);
  if (!Number.isInteger(nu) || nu < 1) throw new EstimationError(`degreesOfFreedom = ${nu}: give a whole number ≥ 1`);
  const p = resolvePopulation(model, data, population);
  const sigma = sigmaEntries(p.sigma);
  const q = p.omega.names.length;
  const inverseFactor = omegaInverseFactor(p.omega);
  const logDetOmega = logDeterminant(new Matrix(p.omega.matrix));
  // log of the t density's normalising constant without |C|: log Γ((ν+q)/2) − log Γ(ν/2) − (q/2)·log(νπ).
  const tConstant = logGammaHalf(nu + q) - logGammaHalf(nu) - (q / 2) * Math.log(nu * Math.PI);
  let variance = 0;
  const root = RandomStream.fromSeed(seed);
  const perSubject = p.subjects.map((subject, i) => {
    const typical = p.typical(i);
    const objective = mapObjective({ model: p.model, subject, output: p.output, options: solver, typical, omega: p.omega, inverseFactor, sigma });
    const mode = posteriorMode(objective, q);
    if (!Number.isFinite(mode.value)) throw new EstimationError(`ID ${subject.id}: the model cannot be evaluated at the posterior mode (${mode.failure ?? mode.message})`);
    const raw = inverse(mode.hessian.mul(0.5));
    // The inverse of a symmetric matrix is symmetric only up to rounding; the factorisations need it exactly.
    const scale = raw.add(raw.transpose()).mul(0.5);
    const l = cholesky(scale.to2DArray(), { name: `ID ${subject.id}'s proposal covariance` });
    const logDetScale = logDeterminant(scale);
    const stream = root.substream();
    const logWeights = new Float64Array(samples);
    const z = new Float64Array(q);
    const eta = new Float64Array(q);
    for (let m = 0; m < samples; m++) {
      let chi2 = 0;
      for (let k = 0; k < nu; k++) chi2 += stream.normal() ** 2;
      const s = Math.sqrt(nu / chi2);
      let zz = 0;
      for (let k = 0; k < q; k++) {
        z[k] = stream.normal();
        zz += z[k] * z[k];
      }
      for (let a = 0; a < q; a++) {
        let x = mode.u[a];
        for (let b = 0; b <= a; b++) x += l[a][b] * z[b] * s;
        eta[a] = x;
      }
      // (η − η̂)ᵀ C⁻¹ (η − η̂) = s²·|z|² for η − η̂ = s·L·z.
      const logProposal = tConstant - logDetScale / 2 - ((nu + q) / 2) * Math.log(1 + (s * s * zz) / nu);
      const w = inverseFactor.mmul(Matrix.columnVector(Array.from(eta))).getColumn(0);
      const logPrior = -0.5 * (q * Math.log(2 * Math.PI) + logDetOmega + w.reduce((sum, x) => sum + x * x, 0));
      logWeights[m] = logDataGivenEta(p, solver, sigma, i, eta) + logPrior - logProposal;
    }
    const top = Math.max(...logWeights);
    let sum = 0;
    let sumSquares = 0;
    for (const lw of logWeights) {
      const w = Math.exp(lw - top);
      sum += w;
      sumSquares += w * w;
    }
    const mean = sum / samples;
    // Var(log p̂) ≈ Var(w)/(M·mean(w)²).
    variance += (4 * (sumSquares / samples - mean * mean)) / (samples * mean * mean);
    return -2 * (top + Math.log(mean));
  });
  const observations = p.subjects.reduce((s, x) => s + x.dv.length, 0);
  const total = perSubject.reduce((s, x) => s + x, 0);
  return { minus2LogLikelihood: total, ofv: total - observations * Math.log(2 * Math.PI), standardError: Math.sqrt(variance), subjects: perSubject, samples, observations };
}

function logDataGivenEta(p: ReturnType<typeof resolvePopulation>, solver: SimulateOptions, sigma: ReturnType<typeof sigmaEntries>, i: number, eta: Float64Array): number {
  const subject = p.subjects[i];
  const { f } = predict(p.model, subject, p.parameters(i, eta), [], p.output, solver);
  const { v } = residualVariance(sigma.names, sigma.values, f);
  let s = 0;
  for (let j = 0; j < f.length; j++) s += Math.log(2 * Math.PI * v[j]) + (subject.dv[j] - f[j]) ** 2 / v[j];
  return Number.isFinite(s) ? -s / 2 : -Infinity;
}

/** log Γ(n/2) for a whole n ≥ 1, from Γ(1/2) = √π, Γ(1) = 1 and Γ(x + 1) = x·Γ(x). */
function logGammaHalf(n: number): number {
  let x = n / 2;
  let s = 0;
  while (x > 1) {
    x -= 1;
    s += Math.log(x);
  }
  return s + (x === 0.5 ? 0.5 * Math.log(Math.PI) : 0);
}
