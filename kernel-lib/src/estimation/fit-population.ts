import { Matrix } from "ml-matrix";
import type { Dataset } from "../dosing/types.js";
import { getModel } from "../library/index.js";
import type { Model } from "../model/types.js";
import { parseOmega, type OmegaSpec, type ResidualErrorSpec } from "../population/index.js";
import type { SimulateOptions } from "../simulation/index.js";
import { correlation } from "./covariance.js";
import { covarianceStep } from "./covariance-step.js";
import { cwres, epsilonShrinkage, etaShrinkage } from "./diagnostics.js";
import { EstimationError } from "./estimation-error.js";
import { FoceiProblem, logDeterminant, type IndividualModel, type PopulationValues } from "./focei.js";
import { omegaInverseFactor } from "./map-problem.js";
import { subjectObservations } from "./observations.js";
import { PopulationFit, type PopulationEstimate, type PopulationTable } from "./population-fit.js";
import { quasiNewton } from "./quasi-newton.js";
import { sigmaEntries } from "./residual-variance.js";
import { asSetup, parameterTransform, type ParameterSetup } from "./transform.js";

/** Options of {@link fitPopulation}. */
export interface PopulationFitOptions extends SimulateOptions {
  /** Fixed effects (THETA) by name with initial values, or setups with bounds and scale. */
  theta: Readonly<Record<string, number | ParameterSetup>>;
  /**
   * Typical values of the model's parameters from THETA and a subject's covariates (its first
   * record's). Default: each model parameter named in THETA takes that THETA.
   */
  individual?: IndividualModel;
  /** Initial OMEGA (variances of log-normal η: P = typical·exp(η)); diagonal or blocks. */
  omega: OmegaSpec;
  /** Initial SIGMA: additive and/or proportional variances. */
  sigma: ResidualErrorSpec;
  /** Model output compared with DV (default: the model's first output). */
  output?: string;
  /** Run the covariance step (default true). */
  covariance?: boolean;
  /** Outer iterations (default 200). */
  maxIterations?: number;
  /** Called after each outer iteration with the OFV (progress of long fits). */
  onIteration?: (iteration: number, ofv: number) => void;
}

/**
 * Population estimation by first-order conditional estimation with interaction (FOCE-I;
 * Lindstrom & Bates 1990, Beal & Sheiner's NONMEM METHOD=1 INTERACTION) on a NONMEM-format
 * dataset. Each subject's conditional mode η̂ is found by Levenberg–Marquardt on forward
 * sensitivities (as `mapEstimate`); the objective is NONMEM's OFV (−2 log-likelihood of the
 * Laplace approximation with the expected Hessian, without n·log 2π), minimised over THETA,
 * OMEGA (Cholesky factor, log diagonal) and SIGMA (log variances) by BFGS on the exact
 * gradient (`FoceiProblem.gradient`; central differences of the OFV where it does not
 * apply). Then the covariance step (R⁻¹SR⁻¹, NONMEM's default) gives
 * SE and RSE %, and the diagnostics: EBEs, PRED, IPRED, IWRES, CWRES, η and ε shrinkage.
 *
 * @example
 * const fit = fitPopulation("pk1cmt_iv", pheno, {
 *   theta: { CL: 0.0047, V: 1, APGR_V: { value: 0.1, lower: -0.99 } },
 *   individual: (th, c) => ({ CL: th.CL * c.WGT, V: th.V * c.WGT * (c.APGR < 5 ? 1 + th.APGR_V : 1) }),
 *   omega: { CL: 0.03, V: 0.03 }, sigma: { proportional: 0.013 } });
 * fit.ofv; // 586.276, as NONMEM
 */
export function fitPopulation(model: Model | string, data: Dataset, options: PopulationFitOptions): PopulationFit {
  const m = typeof model === "string" ? getModel(model) : model;
  const { theta: thetaSpec, individual: individualOption, omega: omegaSpec, sigma: sigmaSpec, output: outputName, covariance = true, maxIterations = 200, onIteration, ...solver } = options;
  const output = outputName ?? m.outputs[0]?.name;
  if (!m.outputs.some((o) => o.name === output)) throw new EstimationError(`unknown output "${output}" of model ${m.name}; outputs: ${m.outputs.map((o) => o.name).join(", ")}`);
  const known = m.parameters.map((p) => p.name);
  const thetaNames = Object.keys(thetaSpec);
  if (thetaNames.length === 0) throw new EstimationError("no fixed effects: give `theta` with initial values, e.g. { CL: 3, V: 30 }");
  if (!individualOption) {
    for (const name of thetaNames) {
      if (!known.includes(name)) throw new EstimationError(`theta names "${name}", which is not a parameter of model ${m.name} (parameters: ${known.join(", ")}); give \`individual\` to use it in a covariate model`);
    }
  }
  const individual: IndividualModel = individualOption ?? ((theta) => Object.fromEntries(thetaNames.map((name) => [name, theta[name]])));
  const transforms = thetaNames.map((name) => parameterTransform(name, asSetup(thetaSpec[name])));
  const omega = parseOmega(omegaSpec, known);
  omegaInverseFactor(omega);
  const sigma = sigmaEntries(sigmaSpec);
  const subjects = subjectObservations(data);
  const problem = new FoceiProblem(m, subjects, output, solver, thetaNames, transforms, individual, omega, sigma.names);
  const initialTheta = Object.fromEntries(thetaNames.map((name) => [name, asSetup(thetaSpec[name]).value]));
  const typical = problem.typical(0, initialTheta);
  for (const name of omega.names) {
    if (typical[name] === undefined && !individualOption) {
      throw new EstimationError(`omega names ${name}, which has no theta: the variance of ${name}'s η needs ${name}'s typical value, so give theta.${name} too (on the command line, --theta ${name}=INITIAL)`);
    }
    if (!(typical[name] > 0)) throw new EstimationError(`${name} has between-subject variability but its typical value for ID ${subjects[0].id} is ${typical[name]}; \`individual\` must return a positive ${name}`);
  }
  const start = problem.encode({ theta: initialTheta, omega, sigma: sigma.values });
  const search = quasiNewton((u) => problem.ofv(u), start, { maxIterations, onIteration, gradient: (u) => problem.gradient(u) });
  const values = problem.decode(search.x);
  const step = covariance ? covarianceStep((u) => problem.subjectValues(u), search.x, undefined, (u) => problem.subjectGradients(u)) : undefined;
  // The covariance step moved every subject's warm start: the final pass re-finds the modes at the estimates.
  const diagnostics = finalPass(problem, values);
  const estimates = estimateRows(problem, values, search.x, step?.covariance);
  return new PopulationFit({
    model: m.name,
    method: "focei",
    status: search.status,
    message: search.message,
    iterations: search.iterations,
    ofv: diagnostics.ofv,
    observations: subjects.reduce((s, x) => s + x.dv.length, 0),
    subjects: subjects.length,
    theta: values.theta,
    omega: values.omega,
    sigma: Object.fromEntries(sigma.names.map((name, k) => [name, values.sigma[k]])),
    estimates,
    covarianceMessage: step?.message ?? "covariance step not run",
    correlation: step?.covariance ? correlation(jacobianTransform(problem, search.x, step.covariance)) : undefined,
    etaNames: omega.names,
    etas: diagnostics.etas,
    etaShrinkage: omega.names.map((_, k) => etaShrinkage(diagnostics.etas.map((e) => e[k]), values.omega.matrix[k][k])),
    epsilonShrinkage: epsilonShrinkage(diagnostics.table.iwres),
    table: diagnostics.table,
    individual: individualOption,
    output,
  });
}

function finalPass(problem: FoceiProblem, values: PopulationValues): { ofv: number; etas: number[][]; table: PopulationTable } {
  const inverseFactor = omegaInverseFactor(values.omega);
  const logDetOmega = logDeterminant(new Matrix(values.omega.matrix));
  const columns = { id: [] as number[], time: [] as number[], dv: [] as number[], pred: [] as number[], ipred: [] as number[], res: [] as number[], iwres: [] as number[], cwres: [] as number[] };
  const etas: number[][] = [];
  let ofv = 0;
  problem.subjects.forEach((subject, i) => {
    const result = problem.subject(i, values, inverseFactor, logDetOmega);
    ofv += result.ofv;
    etas.push(Array.from(result.eta));
    const { f, jacobian } = result.evaluation.prediction;
    const v = result.evaluation.v;
    const n = subject.dv.length;
    const g = values.omega.names.map((name, k) => jacobian[k].map((d) => d * result.typical[name] * Math.exp(result.eta[k])));
    const c = cwres(subject.dv, f, g, v, result.eta, values.omega.matrix);
    // PRED as NONMEM's: the model at η = 0 (the typical subject with this subject's covariates).
    const pred = problem.predictTypical(i, result.typical);
    for (let j = 0; j < n; j++) {
      columns.id.push(subject.id);
      columns.time.push(subject.time[j]);
      columns.dv.push(subject.dv[j]);
      columns.pred.push(pred[j]);
      columns.ipred.push(f[j]);
      columns.res.push(subject.dv[j] - pred[j]);
      columns.iwres.push((subject.dv[j] - f[j]) / Math.sqrt(v[j]));
      columns.cwres.push(c[j]);
    }
  });
  const table = Object.fromEntries(Object.entries(columns).map(([k, x]) => [k, Float64Array.from(x)])) as unknown as PopulationTable;
  return { ofv, etas, table };
}

/** Estimates on their reported scales (THETA, OMEGA entries, SIGMA variances) with SE from the covariance step. */
function estimateRows(problem: FoceiProblem, values: PopulationValues, u: Float64Array, covU: Matrix | undefined): PopulationEstimate[] {
  const names = reportedNames(problem);
  const reported = reportedValues(problem, values);
  const cov = covU ? jacobianTransform(problem, u, covU) : undefined;
  return names.map((name, k) => {
    const se = cov ? Math.sqrt(cov.get(k, k)) : NaN;
    return { name, estimate: reported[k], se, rse: (100 * se) / Math.abs(reported[k]) };
  });
}

function reportedNames(problem: FoceiProblem): string[] {
  const omegaNames = problem.factor.entries.map(([i, j]) => `OMEGA(${problem.factor.names[i]},${problem.factor.names[j]})`);
  return [...problem.thetaNames, ...omegaNames, ...problem.sigmaNames.map((s) => `SIGMA ${s}`)];
}

function reportedValues(problem: FoceiProblem, values: PopulationValues): number[] {
  return [...problem.thetaNames.map((name) => values.theta[name]), ...problem.factor.entries.map(([i, j]) => values.omega.matrix[i][j]), ...values.sigma];
}

/** Cov of the reported values = D·Cov(u)·Dᵀ, D = ∂reported/∂u by central differences (exact enough: the maps are smooth and cheap). */
function jacobianTransform(problem: FoceiProblem, u: Float64Array, covU: Matrix): Matrix {
  const m = u.length;
  const h = 1e-6;
  const columns = Array.from({ length: m }, (_, k) => {
    const up = Float64Array.from(u);
    const down = Float64Array.from(u);
    up[k] += h;
    down[k] -= h;
    const a = reportedValues(problem, problem.decode(up));
    const b = reportedValues(problem, problem.decode(down));
    return a.map((x, r) => (x - b[r]) / (2 * h));
  });
  const d = new Matrix(columns[0].map((_, r) => columns.map((column) => column[r])));
  return d.mmul(covU).mmul(d.transpose());
}
