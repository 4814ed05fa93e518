import { CholeskyDecomposition, Matrix } from "ml-matrix";
import { cholesky } from "../linalg/index.js";
import { ParameterError } from "../model/index.js";
import type { Model } from "../model/types.js";
import type { Omega } from "../population/index.js";
import { SensitivityError } from "../sensitivity/index.js";
import type { SimulateOptions } from "../simulation/index.js";
import { foceiSubjectGradient } from "./focei-gradient.js";
import { mapObjective, omegaInverseFactor, posteriorMode } from "./map-problem.js";
import type { SubjectObservations } from "./observations.js";
import { predict } from "./predict.js";
import { omegaFactor, type OmegaFactor } from "./omega-factor.js";
import type { SigmaName } from "./residual-variance.js";
import type { SubjectEvaluation } from "./subject-objective.js";
import type { Transform } from "./transform.js";

/** Typical values of the model's parameters for one subject from THETA and its covariates. */
export type IndividualModel = (theta: Readonly<Record<string, number>>, covariates: Readonly<Record<string, number>>) => Record<string, number>;

/** The population estimates decoded from a search vector. @internal */
export interface PopulationValues {
  theta: Record<string, number>;
  omega: Omega;
  sigma: number[];
}

/** One subject's FOCE-I contribution at given population values. @internal */
export interface SubjectFocei {
  ofv: number;
  eta: Float64Array;
  evaluation: SubjectEvaluation;
  typical: Record<string, number>;
}

/**
 * The FOCE-I problem: the search vector is THETA (each on its transform's scale), then the
 * free entries of OMEGA's Cholesky factor, then log SIGMA variances; `ofv(u)` is NONMEM's
 * FOCE with interaction objective (without n·log 2π). Each subject's conditional mode η̂ is
 * warm-started from the last one found.
 * @internal
 */
export class FoceiProblem {
  readonly factor: OmegaFactor;
  readonly size: number;
  private readonly etas: Float64Array[];
  /** Each subject's mode and dη̂/du where the gradient was last taken: predicts the mode nearby (the warm start). */
  private readonly anchors: ({ u: Float64Array; eta: Float64Array; slopes: Float64Array[] } | undefined)[];
  /** The subjects' results of the last pass over all of them, and where it was. */
  private lastPass: { u: Float64Array; results: SubjectFocei[] } | undefined;
  /** Subject objective evaluations so far (each one simulation with sensitivities). */
  evaluations = 0;

  constructor(
    readonly model: Model,
    readonly subjects: readonly SubjectObservations[],
    readonly output: string,
    readonly options: SimulateOptions,
    readonly thetaNames: readonly string[],
    readonly transforms: readonly Transform[],
    readonly individual: IndividualModel,
    initialOmega: Omega,
    readonly sigmaNames: readonly SigmaName[],
  ) {
    this.factor = omegaFactor(initialOmega, (m) => cholesky(m, { name: "OMEGA", labels: initialOmega.names }));
    this.size = thetaNames.length + this.factor.entries.length + sigmaNames.length;
    this.etas = subjects.map(() => new Float64Array(initialOmega.names.length));
    this.anchors = subjects.map(() => undefined);
  }

  /** The search vector of population values. */
  encode(values: PopulationValues): Float64Array {
    return Float64Array.from([...this.thetaNames.map((name, k) => this.transforms[k].toSearch(values.theta[name])), ...this.factor.toSearch(values.omega.matrix), ...values.sigma.map(Math.log)]);
  }

  decode(u: ArrayLike<number>): PopulationValues {
    const k1 = this.thetaNames.length;
    const k2 = this.factor.entries.length;
    const theta: Record<string, number> = Object.create(null);
    this.thetaNames.forEach((name, k) => (theta[name] = this.transforms[k].toValue(u[k])));
    const all = Array.from(u);
    return { theta, omega: { names: this.factor.names, matrix: this.factor.toMatrix(all.slice(k1, k1 + k2)) }, sigma: all.slice(k1 + k2).map(Math.exp) };
  }

  /** The typical values of subject i's model parameters. */
  typical(i: number, theta: Readonly<Record<string, number>>): Record<string, number> {
    const first = this.subjects[i].data.subjects[0].records[0];
    return this.individual(theta, first?.covariates ?? {});
  }

  /**
   * Subject i's FOCE-I objective (Wang 2007, eq. for FOCE with interaction; Almquist et al.
   * 2015): ℓ(η̂) + log|Ω| + log|Ω⁻¹ + Σⱼ gⱼgⱼᵀ/vⱼ + ½·∂vⱼ∂vⱼᵀ/vⱼ²| with ℓ(η) = Σⱼ log vⱼ +
   * (yⱼ − fⱼ)²/vⱼ + ηᵀΩ⁻¹η at the conditional mode η̂, v evaluated at η̂ (interaction).
   * The last determinant is half the expected Hessian of ℓ, which the mode search returns.
   * The search starts from the mode predicted at search values `u` when they are given (see
   * `anchors`), else from the last mode found.
   */
  subject(i: number, values: PopulationValues, inverseFactor: Matrix, logDetOmega: number, u?: ArrayLike<number>): SubjectFocei {
    const typical = this.typical(i, values.theta);
    const objective = mapObjective({
      model: this.model,
      subject: this.subjects[i],
      output: this.output,
      options: this.options,
      typical,
      omega: values.omega,
      inverseFactor,
      sigma: { names: [...this.sigmaNames], values: values.sigma },
    });
    const mode = posteriorMode(objective, values.omega.names.length, this.start(i, u));
    this.etas[i] = mode.u;
    this.evaluations += mode.evaluations;
    // The minimiser returns the evaluation at its point: no extra simulation.
    const evaluation = mode;
    const ofv = evaluation.value + logDetOmega + logDeterminant(evaluation.hessian.mul(0.5));
    return { ofv, eta: mode.u, evaluation, typical };
  }

  /** η̂ + dη̂/du·(u − u₀) from subject i's anchor (first order in the step), or the last mode found. */
  private start(i: number, u: ArrayLike<number> | undefined): Float64Array {
    const anchor = this.anchors[i];
    if (u === undefined || anchor === undefined) return this.etas[i];
    const predicted = anchor.eta.map((e, k) => anchor.slopes.reduce((sum, slope, a) => sum + slope[k] * (u[a] - anchor.u[a]), e));
    return predicted.every(Number.isFinite) ? predicted : this.etas[i];
  }

  /** Subject i's prediction at the typical values (η = 0): NONMEM's PRED. */
  predictTypical(i: number, typical: Record<string, number>): Float64Array {
    return predict(this.model, this.subjects[i], typical, [], this.output, this.options).f;
  }

  /** Every subject's objective at u (Infinity where OMEGA or a subject's mode is not usable). */
  subjectValues(u: ArrayLike<number>): Float64Array {
    const values = this.decode(u);
    let inverseFactor: Matrix;
    try {
      inverseFactor = omegaInverseFactor(values.omega);
    } catch {
      return new Float64Array(this.subjects.length).fill(Infinity);
    }
    const logDetOmega = logDeterminant(new Matrix(values.omega.matrix));
    const results = this.subjects.map((_, i) => this.subject(i, values, inverseFactor, logDetOmega, u));
    this.lastPass = { u: Float64Array.from(u), results };
    return Float64Array.from(results, (r) => r.ofv);
  }

  /** The FOCE-I objective function value at u (NONMEM's OFV: without n·log 2π). */
  ofv(u: ArrayLike<number>): number {
    return this.subjectValues(u).reduce((s, x) => s + x, 0);
  }

  /**
   * The gradient of the OFV at u, analytic (see {@link foceiSubjectGradient}): each subject's
   * mode, its second derivatives in z = log P by central differences of the forward
   * sensitivities, and ∂log typical/∂THETA by central differences of `individual` (cheap).
   * Undefined where that does not apply — a THETA that moves a parameter without η, a mode
   * or a derivative that cannot be computed — and the caller falls back to differences of the OFV.
   */
  gradient(u: Float64Array): Float64Array | undefined {
    const gradients = this.subjectGradients(u);
    if (!gradients) return undefined;
    const total = new Float64Array(this.size);
    for (const g of gradients) for (let k = 0; k < g.length; k++) total[k] += g[k];
    return total;
  }

  /** Each subject's gradient of its objective at u (see {@link gradient}). */
  subjectGradients(u: Float64Array): Float64Array[] | undefined {
    const values = this.decode(u);
    let inverseFactor: Matrix;
    try {
      inverseFactor = omegaInverseFactor(values.omega);
    } catch {
      return undefined;
    }
    const logDetOmega = logDeterminant(new Matrix(values.omega.matrix));
    const omegaInverse = inverseFactor.transpose().mmul(inverseFactor);
    const k1 = this.thetaNames.length;
    const k2 = this.factor.entries.length;
    const omegaDerivatives = this.factor.derivatives(u.subarray(k1, k1 + k2)).map((m) => new Matrix(m));
    const gradients: Float64Array[] = [];
    // The line search has just found the modes here (the gradient is taken at accepted points).
    const known = this.lastPass && this.lastPass.u.every((x, k) => x === u[k]) ? this.lastPass.results : undefined;
    const anchors: typeof this.anchors = [];
    for (let i = 0; i < this.subjects.length; i++) {
      const result = known?.[i] ?? this.subject(i, values, inverseFactor, logDetOmega, u);
      if (!Number.isFinite(result.ofv)) return undefined;
      const theta = this.typicalSlopes(i, u);
      const derivatives = theta && this.modeDerivatives(i, result);
      if (!derivatives) return undefined;
      const { gradient, modeSlopes } = foceiSubjectGradient({ ...derivatives, y: this.subjects[i].dv, eta: result.eta, sigma: { names: this.sigmaNames, values: values.sigma }, omegaInverse, theta, omegaDerivatives });
      if (!gradient.every(Number.isFinite)) return undefined;
      gradients.push(gradient);
      anchors.push({ u: Float64Array.from(u), eta: Float64Array.from(result.eta), slopes: modeSlopes });
    }
    anchors.forEach((anchor, i) => (this.anchors[i] = anchor));
    return gradients;
  }

  /** ∂log typical_k/∂u_a of subject i for each THETA search value (undefined when a THETA moves a parameter without η). */
  private typicalSlopes(i: number, u: Float64Array): Float64Array[] | undefined {
    const h = 1e-5;
    const names = this.factor.names;
    const slopes: Float64Array[] = [];
    for (let a = 0; a < this.thetaNames.length; a++) {
      const up = Float64Array.from(u);
      const down = Float64Array.from(u);
      up[a] += h;
      down[a] -= h;
      const high = this.typical(i, this.decode(up).theta);
      const low = this.typical(i, this.decode(down).theta);
      for (const name of Object.keys(high)) if (!names.includes(name) && high[name] !== low[name]) return undefined;
      slopes.push(Float64Array.from(names, (name) => (Math.log(high[name]) - Math.log(low[name])) / (2 * h)));
    }
    return slopes;
  }

  /** Predictions, g = ∂f/∂z and ∂²f/∂z∂z at subject i's mode (central differences of g, step 1e-4 in z). */
  private modeDerivatives(i: number, result: SubjectFocei): { f: Float64Array; g: Float64Array[]; second: Float64Array[][] } | undefined {
    const names = this.factor.names;
    const q = names.length;
    const point = names.map((name, k) => result.typical[name] * Math.exp(result.eta[k]));
    const slopesAt = (z: number[]): Float64Array[] => {
      const params = { ...result.typical };
      names.forEach((name, k) => (params[name] = z[k]));
      const { jacobian } = predict(this.model, this.subjects[i], params, names, this.output, this.options);
      return jacobian.map((column, k) => column.map((d) => d * z[k]));
    };
    const { f, jacobian } = result.evaluation.prediction;
    if (jacobian.length !== q) return undefined;
    const g = jacobian.map((column, k) => column.map((d) => d * point[k]));
    const h = 1e-4;
    let columns: Float64Array[][];
    try {
      columns = names.map((_, k) => {
        const up = slopesAt(point.map((x, l) => (l === k ? x * Math.exp(h) : x)));
        const down = slopesAt(point.map((x, l) => (l === k ? x * Math.exp(-h) : x)));
        return up.map((column, l) => column.map((x, j) => (x - down[l][j]) / (2 * h)));
      });
    } catch (error) {
      // Parameters the model refuses or a failed simulation next to the mode: no analytic gradient here.
      if (error instanceof ParameterError || error instanceof SensitivityError) return undefined;
      throw error;
    }
    // columns[k][l] = ∂g_l/∂z_k; the mixed derivatives are symmetric: average the two estimates.
    const second = columns.map((row, k) => row.map((column, l) => column.map((x, j) => (x + columns[l][k][j]) / 2)));
    return { f, g, second };
  }
}

/** log|A| of a symmetric positive definite matrix by Cholesky (Infinity when it is not). @internal */
export function logDeterminant(a: Matrix): number {
  const chol = new CholeskyDecomposition(a);
  if (!chol.isPositiveDefinite()) return Infinity;
  const l = chol.lowerTriangularMatrix;
  let s = 0;
  for (let i = 0; i < a.rows; i++) s += 2 * Math.log(l.get(i, i));
  return s;
}
