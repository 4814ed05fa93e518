import { inverse, Matrix } from "ml-matrix";
import { EstimationError } from "./estimation-error.js";
import type { IndividualModel } from "./focei.js";
import type { SubjectObservations } from "./observations.js";

/** Covariate values of a subject (its first record's), by column name. */
type Covariates = Readonly<Record<string, number>>;

/** An estimated covariate effect of SAEM's individual model, linear on the log scale: log P += β·x(covariates). */
export interface SaemCovariateEffect {
  /** The model parameter it acts on (one of `theta`). */
  parameter: string;
  /** Initial β. */
  value: number;
  /** The covariate term, e.g. `(c) => Math.log(c.WT / 70)` (an allometric exponent) or `(c) => (c.APGR < 5 ? 1 : 0)`. */
  x: (covariates: Covariates) => number;
}

/**
 * SAEM's covariate model: log Pᵢ = log θ_P + Σ β·x(covariatesᵢ) + offset_P(covariatesᵢ) + ηᵢ,
 * so the M step stays a linear regression in closed form (as Monolix's).
 */
export interface SaemCovariateModel {
  /** Known offsets on the log scale, e.g. CL and V per kg: `{ CL: (c) => Math.log(c.WT), V: (c) => Math.log(c.WT) }`. */
  offsets?: Readonly<Record<string, (covariates: Covariates) => number>>;
  /** Estimated effects by name (names distinct from the parameters'). */
  effects?: Readonly<Record<string, SaemCovariateEffect>>;
}

/** One parameter's design: per subject the regressors [1, x₁, …] and the offset; the regression's (XᵀX)⁻¹. @internal */
export interface ParameterDesign {
  effects: string[];
  rows: number[][];
  offsets: number[];
  gramInverse: Matrix;
}

/** The design of every parameter (`names` order) over the subjects, checked. @internal */
export function saemDesign(names: readonly string[], subjects: readonly SubjectObservations[], model: SaemCovariateModel = {}): ParameterDesign[] {
  const covariates = subjects.map((s) => s.data.subjects[0].records[0]?.covariates ?? {});
  const offsets = model.offsets ?? {};
  const effects = Object.entries(model.effects ?? {});
  for (const name of Object.keys(offsets)) {
    if (!names.includes(name)) throw new EstimationError(`covariates.offsets names "${name}", which is not one of theta (${names.join(", ")})`);
  }
  for (const [name, effect] of effects) {
    if (names.includes(name)) throw new EstimationError(`covariate effect "${name}" has the name of a parameter; give it its own name (e.g. "${effect.parameter}_${name}")`);
    if (!names.includes(effect.parameter)) throw new EstimationError(`covariate effect "${name}" acts on "${effect.parameter}", which is not one of theta (${names.join(", ")})`);
  }
  return names.map((parameter) => {
    const own = effects.filter(([, e]) => e.parameter === parameter);
    const value = (f: (c: Covariates) => number, i: number, what: string) => {
      const x = f(covariates[i]);
      if (!Number.isFinite(x)) throw new EstimationError(`${what} of ${parameter} is ${x} for ID ${subjects[i].id}: a missing covariate? It must be a finite number`);
      return x;
    };
    const rows = subjects.map((_, i) => [1, ...own.map(([name, e]) => value(e.x, i, `covariate effect "${name}"`))]);
    const gram = new Matrix(rows).transpose().mmul(new Matrix(rows));
    const unidentifiable = new EstimationError(`the covariate effects on ${parameter} (${own.map(([n]) => n).join(", ")}) cannot be told apart from its typical value: a covariate that does not vary across subjects?`);
    let gramInverse: Matrix;
    try {
      gramInverse = inverse(gram);
    } catch {
      throw unidentifiable;
    }
    if (!gramInverse.to1DArray().every(Number.isFinite)) throw unidentifiable;
    const offset = offsets[parameter];
    return { effects: own.map(([name]) => name), rows, offsets: subjects.map((_, i) => (offset ? value(offset, i, "the offset") : 0)), gramInverse };
  });
}

/**
 * Typical values of the model's parameters for FOCE-I, NPDE and VPC from SAEM's covariate
 * model: P = θ_P·exp(offset_P(c) + Σ β·x(c)), THETA holding the typical values and the effects by name.
 * @internal
 */
export function saemIndividual(names: readonly string[], model: SaemCovariateModel = {}): IndividualModel {
  const effects = Object.entries(model.effects ?? {});
  return (theta, covariates) =>
    Object.fromEntries(
      names.map((name) => {
        const shift = (model.offsets?.[name]?.(covariates) ?? 0) + effects.reduce((s, [beta, e]) => s + (e.parameter === name ? theta[beta] * e.x(covariates) : 0), 0);
        return [name, theta[name] * Math.exp(shift)];
      }),
    );
}
