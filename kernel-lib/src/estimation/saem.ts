import { inverse, Matrix } from "ml-matrix";
import type { Dataset } from "../dosing/types.js";
import { getModel } from "../library/index.js";
import type { Model } from "../model/types.js";
import { parseOmega, type Omega, type OmegaSpec } from "../population/index.js";
import { MultivariateNormal, RandomStream } from "../random/index.js";
import type { SimulateOptions } from "../simulation/index.js";
import { EstimationError } from "./estimation-error.js";
import type { IndividualModel } from "./focei.js";
import { formatTable } from "./format-table.js";
import { marginalLikelihood } from "./importance-sampling.js";
import { subjectObservations, type SubjectObservations } from "./observations.js";
import { predict } from "./predict.js";
import { residualVariance, sigmaEntries } from "./residual-variance.js";
import { residualVarianceStep } from "./saem-residual.js";
import { saemDesign, saemIndividual, type SaemCovariateModel } from "./saem-covariates.js";
import type { PopulationValuesSpec } from "./simulate-design.js";

/** Options of {@link fitSaem}. */
export interface SaemOptions extends SimulateOptions {
  /** Initial typical values; every one has log-normal between-subject variability (P = θ·exp(η)). */
  theta: Readonly<Record<string, number>>;
  /**
   * Initial OMEGA of the η, one per THETA: variances `{ KA: 0.3, CL: 0.1 }`, or blocks as
   * `fitPopulation` takes them (`[{ names: ["CL", "V"], matrix: [[0.1], [0.05, 0.1]] }, { KA: 0.3 }]`);
   * covariances that start at 0 stay 0. A block needs a model without estimated covariate effects.
   */
  omega: OmegaSpec;
  /** Initial residual variances: additive, proportional, or both (combined: v = σ²_add + σ²_prop·f²). */
  sigma: { additive: number } | { proportional: number } | { additive: number; proportional: number };
  /** Iterations of the exploration phase (step 1) and of the smoothing phase (step 1/k): default [300, 200]. */
  iterations?: [number, number];
  /** Seed of the Markov chains (default 1). */
  seed?: number;
  /** Model output compared with DV (default: the model's first output). */
  output?: string;
  /** Called after each iteration with the current THETA. */
  onIteration?: (iteration: number, theta: Record<string, number>) => void;
  /** Covariate model on the log scale (offsets and estimated effects); default none. */
  covariates?: SaemCovariateModel;
  /** Importance samples per subject for the −2 log-likelihood at the estimates (default 1000; 0 skips it). */
  importanceSamples?: number;
}

/** The result of {@link fitSaem}. */
export interface SaemFit {
  /** Typical values (at offsets and covariate terms 0). */
  theta: Record<string, number>;
  /** Estimated covariate effects β by name (empty without `covariates.effects`). */
  beta: Record<string, number>;
  /** The fitted model as NPDE, VPC, `marginalLikelihood` and FOCE-I take it (THETA and β, the covariate model as `individual`). */
  population: PopulationValuesSpec & { theta: Record<string, number>; individual: IndividualModel; omega: Omega; sigma: Record<string, number> };
  /** The variances of the η (OMEGA's diagonal). */
  omega: Record<string, number>;
  /** OMEGA in full, THETA order (covariances of blocks included). */
  omegaMatrix: Omega;
  sigma: Record<string, number>;
  /** Each subject's conditional mean of η over the smoothing phase, in THETA order. */
  etas: number[][];
  iterations: number;
  /** −2 log-likelihood at the estimates by importance sampling (`marginalLikelihood`), with every constant; NaN when skipped. */
  minus2LogLikelihood: number;
  /** The same without n·log 2π: comparable with FOCE-I's (NONMEM's) OFV. */
  ofv: number;
  /** Monte Carlo standard error of both. */
  ofvStandardError: number;
  /** Printed summary. */
  toString(): string;
}

/**
 * Stochastic approximation EM (SAEM; Delyon, Lavielle & Moulines 1999, Kuhn & Lavielle 2005,
 * as in Monolix and nlmixr2) for a model whose every estimated parameter is log-normal
 * around its typical value (φ = log P ~ N(log θ + covariate terms, Ω), Ω diagonal or with
 * blocks) with additive, proportional or combined residual error. Each iteration draws every subject's
 * φ by three Metropolis–Hastings kernels (a draw from the prior, a joint random walk, one
 * random walk per component; the walk's scale adapts to 40 % acceptance), updates the
 * sufficient statistics (Σ X·φ, Σ φφᵀ and the residual sum of squares) with step 1 during
 * exploration (OMEGA's variances and SIGMA kept from falling faster than 5 % an iteration,
 * simulated annealing) and 1/k after, then sets θ and β (least squares), Ω and σ² in closed
 * form (the M step). Afterwards the −2 log-likelihood by importance sampling
 * ({@link marginalLikelihood}). Seeded: the same seed gives the same fit.
 *
 * @example
 * const fit = fitSaem("pk1cmt_oral", theoph, { theta: { KA: 1, CL: 3, V: 30 }, omega: { KA: 0.3, CL: 0.1, V: 0.1 }, sigma: { additive: 0.5 } });
 * fit.theta.CL; // ≈ 2.75 L/h
 */
export function fitSaem(model: Model | string, data: Dataset, options: SaemOptions): SaemFit {
  const m = typeof model === "string" ? getModel(model) : model;
  const { theta, omega, sigma, iterations = [300, 200], seed = 1, output: outputName, onIteration, importanceSamples = 1000, covariates, ...solver } = options;
  const output = outputName ?? m.outputs[0]?.name;
  if (!m.outputs.some((o) => o.name === output)) throw new EstimationError(`unknown output "${output}" of model ${m.name}; outputs: ${m.outputs.map((o) => o.name).join(", ")}`);
  const names = Object.keys(theta);
  const known = m.parameters.map((p) => p.name);
  for (const name of names) {
    if (!known.includes(name)) throw new EstimationError(`theta names "${name}", which is not a parameter of model ${m.name}; parameters: ${known.join(", ")}`);
    if (!(theta[name] > 0)) throw new EstimationError(`theta ${name} = ${theta[name]}: SAEM here takes log-normal parameters, so a typical value must be > 0`);
  }
  const parsed = parseOmega(omega, names);
  const omegaM = names.map((a) => names.map((b) => (parsed.names.includes(a) && parsed.names.includes(b) ? parsed.matrix[parsed.names.indexOf(a)][parsed.names.indexOf(b)] : 0)));
  names.forEach((name, c) => {
    if (!(omegaM[c][c] > 0)) throw new EstimationError(`omega ${name} = ${parsed.names.includes(name) ? omegaM[c][c] : undefined}: give every THETA a positive initial variance`);
  });
  // The free covariances: those that start non-zero (as FOCE-I's OMEGA factor).
  const pairs = names.flatMap((_, c) => names.slice(0, c).flatMap((__, d) => (omegaM[c][d] !== 0 ? [[c, d] as [number, number]] : [])));
  const sigmaSpec = sigmaEntries(sigma);
  let sigmaValues = sigmaSpec.values;
  const [explore, smooth] = iterations;
  const subjects = subjectObservations(data);
  const q = names.length;
  const n = subjects.length;
  const observations = subjects.reduce((s, x) => s + x.dv.length, 0);
  const design = saemDesign(names, subjects, covariates);
  // b[c] = [log θ_c, β…]: subject i's mean of φ_c is offset + row·b.
  let b = design.map((d, c) => [Math.log(theta[names[c]]), ...d.effects.map((name) => covariates!.effects![name].value)]);
  const means = () => subjects.map((_, i) => design.map((d, c) => d.offsets[i] + d.rows[i].reduce((s, x, k) => s + x * b[c][k], 0)));
  let mu = means();
  if (pairs.length > 0 && design.some((d) => d.effects.length > 0)) throw new EstimationError("SAEM here takes an OMEGA block only without estimated covariate effects (offsets are fine): the M step would no longer be a per-parameter regression");
  let precision = inverse(new Matrix(omegaM)).to2DArray();
  const stream = RandomStream.fromSeed(seed);

  // Subject i's predictions at φ and, for one error term, its residual sum of squares scaled by the term's factor (1 or f²).
  const residuals = (subject: SubjectObservations, phi: readonly number[]): { f: Float64Array; ss: number } => {
    const params = Object.fromEntries(names.map((name, k) => [name, Math.exp(phi[k])]));
    const { f } = predict(m, subject, params, [], output, solver);
    let ss = 0;
    for (let j = 0; j < f.length; j++) {
      const r = subject.dv[j] - f[j];
      ss += sigmaSpec.names[0] === "proportional" ? (r * r) / (f[j] * f[j]) : r * r;
    }
    return { f, ss };
  };
  // −2 log-likelihood of subject i's data given φ, without constants: Σ log v + r²/v.
  const logFactor = (r: { f: Float64Array }, i: number) => {
    const { v } = residualVariance(sigmaSpec.names, sigmaValues, r.f);
    let s = 0;
    for (let j = 0; j < v.length; j++) s += Math.log(v[j]) + (subjects[i].dv[j] - r.f[j]) ** 2 / v[j];
    return Number.isFinite(s) ? s : Infinity;
  };
  // (φ − μᵢ)ᵀ Ω⁻¹ (φ − μᵢ)
  const prior = (phi: readonly number[], i: number) => phi.reduce((s, x, a) => s + (x - mu[i][a]) * phi.reduce((t, y, c) => t + precision[a][c] * (y - mu[i][c]), 0), 0);

  const phis = subjects.map((_, i) => [...mu[i]]);
  const fits = subjects.map((s, i) => residuals(s, phis[i]));
  const lik = fits.map((r, i) => logFactor(r, i));
  const scale = new Array<number>(q).fill(0.5);
  let s1 = design.map((d) => new Array<number>(d.rows[0].length).fill(0));
  let s2 = new Array<number>(q).fill(0);
  let s2pairs = pairs.map(() => 0);
  let s3 = 0;
  const etaSum = subjects.map(() => new Array<number>(q).fill(0));
  const total = explore + smooth;
  for (let k = 1; k <= total; k++) {
    let accepted = 0;
    let proposed = 0;
    const prior1 = new MultivariateNormal(omegaM, { name: "OMEGA", labels: names });
    const sd = names.map((_, c) => Math.sqrt(omegaM[c][c]));
    subjects.forEach((subject, i) => {
      const tryMove = (candidate: number[], withPrior: boolean) => {
        const r = residuals(subject, candidate);
        const l = logFactor(r, i);
        const delta = (l - lik[i]) + (withPrior ? prior(candidate, i) - prior(phis[i], i) : 0);
        const take = Number.isFinite(l) && Math.log(stream.uniform()) < -delta / 2;
        if (take) {
          phis[i] = candidate;
          fits[i] = r;
          lik[i] = l;
        }
        return take;
      };
      // Kernel 1: a draw from the prior (the prior ratio cancels).
      tryMove(Array.from(prior1.sample(stream, new Float64Array(q), mu[i])), false);
      // Kernel 2: a joint random walk.
      proposed++;
      if (tryMove(phis[i].map((x, c) => x + scale[c] * sd[c] * stream.normal()), true)) accepted++;
      // Kernel 3: one component at a time.
      for (let c = 0; c < q; c++) {
        const candidate = [...phis[i]];
        candidate[c] += scale[c] * sd[c] * stream.normal();
        tryMove(candidate, true);
      }
    });
    const rate = accepted / proposed;
    for (let c = 0; c < q; c++) scale[c] *= 1 + 0.4 * (rate - 0.4);
    // Stochastic approximation of the sufficient statistics.
    const gamma = k <= explore ? 1 : 1 / (k - explore);
    // Per parameter c: t1 = Σᵢ rowᵢ·(φᵢ − offsetᵢ), t2 = Σᵢ (φᵢ − offsetᵢ)².
    const t1 = design.map((d, c) => d.rows[0].map((_, k) => phis.reduce((s, phi, i) => s + d.rows[i][k] * (phi[c] - d.offsets[i]), 0)));
    const t2 = design.map((d, c) => phis.reduce((s, phi, i) => s + (phi[c] - d.offsets[i]) ** 2, 0));
    const t3 = fits.reduce((s, x) => s + x.ss, 0);
    s1 = s1.map((x, c) => x.map((v, k) => v + gamma * (t1[c][k] - v)));
    s2 = s2.map((x, c) => x + gamma * (t2[c] - x));
    s2pairs = s2pairs.map((x, p) => x + gamma * (phis.reduce((s, phi, i) => s + (phi[pairs[p][0]] - design[pairs[p][0]].offsets[i]) * (phi[pairs[p][1]] - design[pairs[p][1]].offsets[i]), 0) - x));
    s3 += gamma * (t3 - s3);
    // M step (least squares b = (XᵀX)⁻¹·s1, ω² = (s2 − bᵀs1)/n), with annealing during exploration.
    b = design.map((d, c) => d.gramInverse.mmul(Matrix.columnVector(s1[c])).getColumn(0));
    mu = means();
    const nextVariance = s2.map((x, c) => Math.max((x - b[c].reduce((s, v, k) => s + v * s1[c][k], 0)) / n, 1e-8));
    nextVariance.forEach((v, c) => (omegaM[c][c] = k <= explore ? Math.max(v, 0.95 * omegaM[c][c]) : v));
    // Covariances (intercept-only designs): Σ φ'_c φ'_d / n − b_c·b_d. Inflating the diagonal keeps Ω positive definite.
    pairs.forEach(([c, d], p) => (omegaM[c][d] = omegaM[d][c] = s2pairs[p] / n - b[c][0] * b[d][0]));
    precision = inverse(new Matrix(omegaM)).to2DArray();
    // σ²: closed form for one error term; for the combined model the minimiser at the current draws, averaged with the same steps.
    const nextSigma =
      sigmaSpec.names.length === 1
        ? [s3 / observations]
        : residualVarianceStep(sigmaSpec.names, sigmaValues, subjects.map((x) => x.dv), fits.map((r) => r.f)).map((x, e) => Math.exp(Math.log(sigmaValues[e]) + gamma * (Math.log(x) - Math.log(sigmaValues[e]))));
    sigmaValues = nextSigma.map((x, e) => (k <= explore ? Math.max(x, 0.95 * sigmaValues[e]) : x));
    fits.forEach((r, i) => (lik[i] = logFactor(r, i)));
    if (k > explore) phis.forEach((phi, i) => phi.forEach((x, c) => (etaSum[i][c] += x - mu[i][c])));
    onIteration?.(k, Object.fromEntries(names.map((name, c) => [name, Math.exp(b[c][0])])));
  }
  const thetaOut = Object.fromEntries(names.map((name, c) => [name, Math.exp(b[c][0])]));
  const betaOut: Record<string, number> = Object.fromEntries(design.flatMap((d, c) => d.effects.map((name, k) => [name, b[c][k + 1]])));
  const omegaOut = Object.fromEntries(names.map((name, c) => [name, omegaM[c][c]]));
  const omegaMatrix: Omega = { names: [...names], matrix: omegaM.map((row) => [...row]) };
  const sigmaOut: Record<string, number> = Object.fromEntries(sigmaSpec.names.map((name, e) => [name, sigmaValues[e]]));
  const population = { theta: { ...thetaOut, ...betaOut }, individual: saemIndividual(names, covariates), omega: omegaMatrix, sigma: sigmaOut, output };
  const likelihood = importanceSamples > 0 ? marginalLikelihood(m, data, population, { ...solver, samples: importanceSamples, seed }) : undefined;
  const ofv = likelihood?.ofv ?? NaN;
  return {
    theta: thetaOut,
    beta: betaOut,
    population,
    omega: omegaOut,
    omegaMatrix,
    sigma: sigmaOut,
    etas: etaSum.map((row) => row.map((x) => x / Math.max(smooth, 1))),
    iterations: total,
    minus2LogLikelihood: likelihood?.minus2LogLikelihood ?? NaN,
    ofv,
    ofvStandardError: likelihood?.standardError ?? NaN,
    toString: () =>
      [
        `SAEM fit of ${m.name}: ${explore} + ${smooth} iterations, seed ${seed}`,
        likelihood ? `OFV ${ofv.toFixed(3)} ± ${likelihood.standardError.toFixed(3)} (importance sampling, ${importanceSamples} samples per subject; NONMEM's scale, without n·log 2π)` : "OFV not computed (importanceSamples: 0)",
        formatTable(["parameter", "estimate"], [...names.map((name) => [name, thetaOut[name]]), ...Object.entries(betaOut), ...names.map((name) => [`OMEGA(${name},${name})`, omegaOut[name]]), ...pairs.map(([c, d]) => [`OMEGA(${names[c]},${names[d]})`, omegaM[c][d]]), ...sigmaSpec.names.map((name, e) => [`SIGMA ${name}`, sigmaValues[e]])]),
      ].join("\n"),
  };
}
