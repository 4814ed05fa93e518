import { Matrix } from "ml-matrix";
import { ParameterError } from "../model/index.js";
import type { Model } from "../model/types.js";
import { SensitivityError } from "../sensitivity/index.js";
import type { SimulateOptions } from "../simulation/index.js";
import { gaussianTerms, type GaussianRows } from "./gaussian-terms.js";
import type { SecondOrder } from "./levenberg-marquardt.js";
import type { SubjectObservations } from "./observations.js";
import { predict, type Prediction } from "./predict.js";
import { residualVariance, type SigmaName } from "./residual-variance.js";
import type { Transform } from "./transform.js";

/** How the residual variance is set: fixed weights (v = 1/w), or SIGMA (estimated as log σ² after the parameters, or held). @internal */
export type ResidualSetup = { kind: "weights"; weights: Float64Array } | { kind: "sigma"; names: SigmaName[]; values: number[]; estimated: boolean };

/**
 * One subject's estimation problem on the search vector u: model parameter `searched[k]`
 * is `transform.toValue(u[k])`; when SIGMA is estimated its log variances follow; a prior
 * (MAP, FOCE-I) puts u[0..k) ~ N(0, Ω) and is given as L⁻¹ with L·Lᵀ = Ω.
 * @internal
 */
export interface SubjectProblem {
  model: Model;
  subject: SubjectObservations;
  output: string;
  options: SimulateOptions;
  fixed: Record<string, number>;
  searched: readonly { name: string; transform: Transform }[];
  residual: ResidualSetup;
  priorInverseFactor?: Matrix;
}

/** The objective at u with what produced it. @internal */
export interface SubjectEvaluation extends SecondOrder {
  prediction: Prediction;
  v: Float64Array;
  /** Why the model could not be evaluated here (the value is then Infinity). */
  failure?: string;
}

/**
 * −2·log-likelihood of the subject's observations (without n·log 2π) plus, with a prior,
 * uᵀΩ⁻¹u: the prior enters as pseudo-observations 0 = L⁻¹u + e, e ~ N(0, I), so one
 * Gaussian pass gives the value, gradient and expected Hessian of the whole MAP objective.
 * Derivatives come from the forward sensitivities (chain rule through dx/du and v(f)).
 * @internal
 */
export function subjectObjective(problem: SubjectProblem): (u: Float64Array) => SubjectEvaluation {
  const { model, subject, output, options, fixed, searched, residual, priorInverseFactor } = problem;
  const names = searched.map((s) => s.name);
  const k = searched.length;
  return (u) => {
    const params: Record<string, number> = { ...fixed };
    const slopes = searched.map((s, i) => {
      params[s.name] = s.transform.toValue(u[i]);
      return s.transform.slope(u[i]);
    });
    let prediction: Prediction;
    try {
      prediction = predict(model, subject, params, names, output, options);
    } catch (error) {
      // Parameters the model refuses (a negative clearance) or a failed integration are a
      // point the search must not take, not the end of the fit: an infinite objective.
      if (error instanceof ParameterError || error instanceof SensitivityError) return failedEvaluation(k + (residual.kind === "sigma" && residual.estimated ? residual.names.length : 0), error.message);
      throw error;
    }
    const { f, jacobian } = prediction;
    const df: Float64Array[] = jacobian.map((column, i) => column.map((d) => d * slopes[i]));
    const dv: (Float64Array | undefined)[] = [];
    let v: Float64Array;
    if (residual.kind === "weights") {
      v = residual.weights.map((w) => 1 / w);
      for (let i = 0; i < k; i++) dv.push(undefined);
    } else {
      const sigma = residual.estimated ? residual.values.map((_, j) => Math.exp(u[k + j])) : residual.values;
      const rv = residualVariance(residual.names, sigma, f);
      v = rv.v;
      for (let i = 0; i < k; i++) dv.push(rv.dvdf.some((x) => x !== 0) ? df[i].map((d, r) => d * rv.dvdf[r]) : undefined);
      if (residual.estimated) {
        rv.dvdlog.forEach((column) => {
          df.push(new Float64Array(f.length));
          dv.push(column);
        });
      }
    }
    const rows: GaussianRows = priorInverseFactor ? withPrior({ y: subject.dv, f, v, df, dv }, priorInverseFactor, u) : { y: subject.dv, f, v, df, dv };
    return { ...gaussianTerms(rows), prediction, v };
  };
}

function failedEvaluation(size: number, reason: string): SubjectEvaluation {
  return { value: Infinity, gradient: new Float64Array(size), hessian: Matrix.zeros(size, size), prediction: { f: new Float64Array(0), jacobian: [] }, v: new Float64Array(0), failure: reason };
}

/** Appends the prior's pseudo-observations: y 0, mean z = L⁻¹u over the first k entries, variance 1. */
function withPrior(rows: GaussianRows, inverseFactor: Matrix, u: Float64Array): GaussianRows {
  const q = inverseFactor.rows;
  const n = rows.y.length;
  const z = inverseFactor.mmul(Matrix.columnVector(Array.from(u.subarray(0, q)))).getColumn(0);
  const extend = (column: ArrayLike<number>, tail: ArrayLike<number>) => {
    const out = new Float64Array(n + q);
    out.set(column);
    out.set(tail, n);
    return out;
  };
  return {
    y: extend(rows.y, new Float64Array(q)),
    f: extend(rows.f, z),
    v: extend(rows.v, new Float64Array(q).fill(1)),
    df: rows.df.map((column, j) => extend(column, j < q ? inverseFactor.getColumn(j) : new Float64Array(q))),
    dv: rows.dv.map((column) => (column === undefined ? undefined : extend(column, new Float64Array(q)))),
  };
}
