import { tQuantile } from "../stats/index.js";
import type { Dataset } from "../dosing/types.js";
import { getModel } from "../library/index.js";
import type { Model } from "../model/types.js";
import type { ResidualErrorSpec } from "../population/index.js";
import { normalQuantile } from "../random/index.js";
import type { SimulateOptions } from "../simulation/index.js";
import { correlation, deltaCovariance, inverseOrUndefined } from "./covariance.js";
import { EstimationError } from "./estimation-error.js";
import { IndividualFit, type FitParameter } from "./individual-fit.js";
import { levenbergMarquardt, type Minimum } from "./levenberg-marquardt.js";
import { subjectObservations, type SubjectObservations } from "./observations.js";
import { profileBounds } from "./profile.js";
import { sigmaEntries } from "./residual-variance.js";
import { subjectObjective, type ResidualSetup, type SubjectEvaluation } from "./subject-objective.js";
import { asSetup, parameterTransform, type ParameterSetup } from "./transform.js";

/** Options of {@link fitIndividual}. */
export interface IndividualFitOptions extends SimulateOptions {
  /** The estimated model parameters with initial values (or setups with bounds, scale). */
  parameters: Readonly<Record<string, number | ParameterSetup>>;
  /** Values of other model parameters (default: the model's). */
  fixed?: Readonly<Record<string, number>>;
  /** Subject to fit when the dataset has several (default: the only one). */
  id?: number;
  /** Model output compared with DV (default: the model's first output). */
  output?: string;
  /**
   * "least-squares" (default): minimise Σ w·(DV − f)² with `weights`, σ² estimated from the
   * residuals (as R's nls); "maximum-likelihood": estimate the parameters and the residual
   * error model `error` together.
   */
  estimator?: "least-squares" | "maximum-likelihood";
  /** Least squares: w = 1 ("none", default), 1/DV, 1/DV², or one weight per observation. */
  weights?: "none" | "1/y" | "1/y^2" | ArrayLike<number>;
  /** Maximum likelihood: SIGMA's initial variances, additive and/or proportional (combined). */
  error?: ResidualErrorSpec;
  /** Profile-likelihood intervals for these parameters (true: all estimated ones). */
  profile?: boolean | readonly string[];
  /** Level of the confidence intervals (default 0.95). */
  confidence?: number;
  /** Called after each iteration with the objective (−2LL or weighted RSS). */
  onIteration?: (iteration: number, objective: number) => void;
}

/**
 * Fits one subject's observations (EVID 0, MDV 0 rows of `data`) by weighted least squares
 * or maximum likelihood with Levenberg–Marquardt on the analytic Jacobian: the forward
 * sensitivities of the model output (see `localSensitivity`). Bounds and log scales are
 * kept by a change of variable (log by default for positive parameters). Standard errors
 * come from the Fisher information (σ̂²·(JᵀWJ)⁻¹ for least squares, as R's `nls`; the
 * inverse expected information for ML) carried to each parameter's own scale by the delta
 * method; profile-likelihood intervals on request (t-based for least squares as R's
 * `confint`, χ²₁ for ML).
 *
 * @example
 * const fit = fitIndividual("pk1cmt_oral", theophSubject1, { parameters: { KA: 1.5, CL: 3, V: 30 } });
 * console.log(fit.toString()); // estimates, SE, RSE %, 95 % CI
 * show(fit.plot());
 */
export function fitIndividual(model: Model | string, data: Dataset, options: IndividualFitOptions): IndividualFit {
  const m = typeof model === "string" ? getModel(model) : model;
  const { parameters, fixed = {}, id, output: outputName, estimator = "least-squares", weights = "none", error, profile = false, confidence = 0.95, onIteration, ...solver } = options;
  const output = outputName ?? m.outputs[0]?.name;
  if (!m.outputs.some((o) => o.name === output)) throw new EstimationError(`unknown output "${output}" of model ${m.name}; outputs: ${m.outputs.map((o) => o.name).join(", ")}`);
  if (!(confidence > 0 && confidence < 1)) throw new EstimationError(`confidence ${confidence} must lie between 0 and 1`);
  const known = m.parameters.map((p) => p.name);
  const names = Object.keys(parameters);
  if (names.length === 0) throw new EstimationError("no parameters to estimate: give `parameters` with initial values, e.g. { CL: 3, V: 30 }");
  for (const name of [...names, ...Object.keys(fixed)]) {
    if (!known.includes(name)) throw new EstimationError(`unknown parameter "${name}" of model ${m.name}; parameters: ${known.join(", ")}`);
  }
  const subject = pickSubject(subjectObservations(data), id);
  const searched = names.map((name) => ({ name, transform: parameterTransform(name, asSetup(parameters[name])) }));
  const residual = residualSetup(estimator, weights, error, subject);
  const n = subject.dv.length;
  const p = searched.length + (residual.kind === "sigma" ? residual.names.length : 0);
  if (n <= (estimator === "least-squares" ? p : p - 1)) throw new EstimationError(`subject ${subject.id} has ${n} observations for ${p} estimated parameters; it needs more observations than parameters`);
  const objective = subjectObjective({ model: m, subject, output, options: solver, fixed, searched, residual });
  const start = Float64Array.from([...searched.map((s) => s.transform.toSearch(asSetup(parameters[s.name]).value)), ...(residual.kind === "sigma" ? residual.values.map(Math.log) : [])]);
  const min = levenbergMarquardt(objective, start, { onIteration });
  return summarise(m, subject, output, estimator, searched, residual, min, { objective, profile, confidence, n, p });
}

function pickSubject(subjects: SubjectObservations[], id: number | undefined): SubjectObservations {
  if (id === undefined) {
    if (subjects.length > 1) throw new EstimationError(`the dataset has ${subjects.length} subjects with observations; say which with \`id\` (ids: ${subjects.map((s) => s.id).join(", ")})`);
    return subjects[0];
  }
  const found = subjects.find((s) => s.id === id);
  if (!found) throw new EstimationError(`no subject with id ${id} has observations; ids: ${subjects.map((s) => s.id).join(", ")}`);
  return found;
}

function residualSetup(estimator: string, weights: IndividualFitOptions["weights"], error: ResidualErrorSpec | undefined, subject: SubjectObservations): ResidualSetup {
  if (estimator === "maximum-likelihood") {
    const { names, values } = sigmaEntries(error ?? { additive: 1 });
    return { kind: "sigma", names, values, estimated: true };
  }
  if (estimator !== "least-squares") throw new EstimationError(`unknown estimator "${estimator}"; use "least-squares" or "maximum-likelihood"`);
  if (error !== undefined) throw new EstimationError('`error` sets the residual error model of estimator "maximum-likelihood"; least squares takes `weights`');
  const dv = subject.dv;
  const w =
    weights === "none" ? new Float64Array(dv.length).fill(1)
    : weights === "1/y" ? dv.map((y) => 1 / y)
    : weights === "1/y^2" ? dv.map((y) => 1 / (y * y))
    : typeof weights === "string" || weights === undefined ? undefined
    : Float64Array.from(weights);
  if (w === undefined) throw new EstimationError(`unknown weights "${String(weights)}"; use "none", "1/y", "1/y^2" or one number per observation`);
  if (w.length !== dv.length) throw new EstimationError(`weights has ${w.length} entries for ${dv.length} observations of subject ${subject.id}`);
  w.forEach((x, i) => {
    if (!(Number.isFinite(x) && x > 0)) throw new EstimationError(`weight ${i + 1} of subject ${subject.id} (t = ${subject.time[i]}, DV ${dv[i]}) is ${x}; weights must be finite and > 0 (1/y needs DV > 0)`);
  });
  return { kind: "weights", weights: w };
}

interface SummaryContext {
  objective: (u: Float64Array) => SubjectEvaluation;
  profile: boolean | readonly string[];
  confidence: number;
  n: number;
  p: number;
}

function summarise(
  model: Model,
  subject: SubjectObservations,
  output: string,
  estimator: "least-squares" | "maximum-likelihood",
  searched: readonly { name: string; transform: ReturnType<typeof parameterTransform> }[],
  residual: ResidualSetup,
  min: Minimum<SubjectEvaluation>,
  context: SummaryContext,
): IndividualFit {
  const { n, p, confidence } = context;
  const sigmaNames = residual.kind === "sigma" ? residual.names : [];
  const rowNames = [...searched.map((s) => s.name), ...sigmaNames.map((s) => `SIGMA ${s}`)];
  const slopes = [...searched.map((s, k) => s.transform.slope(min.u[k])), ...sigmaNames.map((_, j) => Math.exp(min.u[searched.length + j]))];
  const values = [...searched.map((s, k) => s.transform.toValue(min.u[k])), ...slopes.slice(searched.length)];
  const residualSS = estimator === "least-squares" ? min.value + (residual.kind === "weights" ? sumLog(residual.weights) : 0) : NaN;
  // Least squares: σ̂² = RSS/(n − p) and Cov = σ̂²·(JᵀWJ)⁻¹ = σ̂²·2H⁻¹; ML: Cov = (H/2)⁻¹.
  const sigma2 = estimator === "least-squares" ? residualSS / (n - p) : 1;
  const inverse = inverseOrUndefined(min.hessian);
  const covU = inverse ? inverse.mul(2 * sigma2) : undefined;
  const cov = covU ? deltaCovariance(covU, slopes) : undefined;
  const se = values.map((_, k) => (cov ? Math.sqrt(cov.get(k, k)) : NaN));
  const quantile = estimator === "least-squares" ? tQuantile((1 + confidence) / 2, n - p) : normalQuantile((1 + confidence) / 2);
  const profiled = context.profile === true ? searched.map((s) => s.name) : context.profile === false ? [] : [...context.profile];
  for (const name of profiled) {
    if (!rowNames.includes(name)) throw new EstimationError(`profile names "${name}", which is not an estimated parameter; estimated: ${rowNames.join(", ")}`);
  }
  const rows: FitParameter[] = rowNames.map((name, k) => {
    const row: FitParameter = { name, estimate: values[k], se: se[k], rse: (100 * se[k]) / Math.abs(values[k]), lower: values[k] - quantile * se[k], upper: values[k] + quantile * se[k] };
    if (profiled.includes(name) && covU) {
      const transform = k < searched.length ? searched[k].transform : { toValue: Math.exp };
      const cutoff = quantile * quantile * sigma2;
      const [a, b] = profileBounds(context.objective, min.u, min.value, k, Math.sqrt(covU.get(k, k)), cutoff);
      const ends = [transform.toValue(a), transform.toValue(b)].sort((x, y) => x - y);
      row.profile = [ends[0], ends[1]];
    }
    return row;
  });
  // −2 log L with the 2π constant, σ̂² = RSS/n for least squares (as R's logLik.nls).
  const m2ll = estimator === "least-squares" ? n * Math.log((2 * Math.PI * residualSS) / n) + n - (residual.kind === "weights" ? sumLog(residual.weights) : 0) : min.value + n * Math.log(2 * Math.PI);
  const k = p + (estimator === "least-squares" ? 1 : 0);
  const f = min.prediction.f;
  return new IndividualFit({
    model: model.name,
    output,
    estimator,
    status: min.status,
    message: min.message,
    iterations: min.iterations,
    parameters: rows,
    covariance: cov?.to2DArray(),
    correlation: cov ? correlation(cov) : undefined,
    minus2LogLikelihood: m2ll,
    aic: m2ll + 2 * k,
    bic: m2ll + Math.log(n) * k,
    residualStandardError: estimator === "least-squares" ? Math.sqrt(sigma2) : NaN,
    degreesOfFreedom: n - p,
    confidence,
    table: {
      id: new Float64Array(n).fill(subject.id),
      time: subject.time,
      dv: subject.dv,
      pred: f,
      res: subject.dv.map((y, i) => y - f[i]),
      wres: subject.dv.map((y, i) => (y - f[i]) / Math.sqrt(min.v[i] * sigma2)),
    },
  });
}

const sumLog = (w: Float64Array) => w.reduce((s, x) => s + Math.log(x), 0);
