import type { PlotlyFigure } from "../plot/index.js";
import { fitOverTime, observedVsPredicted } from "./fit-plots.js";
import { formatNumber, formatTable } from "./format-table.js";
import type { FitStatus } from "./levenberg-marquardt.js";

/** One estimated parameter: estimate, standard error, RSE % and confidence intervals. */
export interface FitParameter {
  name: string;
  estimate: number;
  /** Standard error on the parameter's own scale (delta method); NaN when not estimable. */
  se: number;
  /** 100·SE/|estimate|. */
  rse: number;
  /** Wald interval estimate ∓ q·SE (q from t with n − p df for least squares, normal for ML). */
  lower: number;
  upper: number;
  /** Profile-likelihood interval, when asked for; NaN on a side the data do not bound. */
  profile?: [number, number];
}

/** One row per observation: DV, prediction, residual and weighted residual (residual/SD). */
export interface FitTable {
  id: Float64Array;
  time: Float64Array;
  dv: Float64Array;
  pred: Float64Array;
  res: Float64Array;
  wres: Float64Array;
}

/** The fields of an {@link IndividualFit}. */
export interface IndividualFitFields {
  model: string;
  output: string;
  estimator: "least-squares" | "maximum-likelihood";
  status: FitStatus;
  message: string;
  iterations: number;
  parameters: FitParameter[];
  /** Covariance of the estimates (rows and columns in `parameters` order); undefined when singular. */
  covariance?: number[][];
  correlation?: number[][];
  /** −2·log-likelihood including n·log 2π. */
  minus2LogLikelihood: number;
  aic: number;
  bic: number;
  /** Least squares: σ̂ = √(RSS/(n − p)), as R's "residual standard error"; NaN for ML. */
  residualStandardError: number;
  degreesOfFreedom: number;
  confidence: number;
  table: FitTable;
}

/**
 * The result of `fitIndividual`: estimates with SE, RSE % and intervals, their correlation,
 * the objective, the table of predictions and residuals, a printed summary and plots.
 * A fit that did not converge says so in `status` and `message` and reports where it stopped.
 */
export class IndividualFit implements IndividualFitFields {
  readonly model!: string;
  readonly output!: string;
  readonly estimator!: "least-squares" | "maximum-likelihood";
  readonly status!: FitStatus;
  readonly message!: string;
  readonly iterations!: number;
  readonly parameters!: FitParameter[];
  readonly covariance?: number[][];
  readonly correlation?: number[][];
  readonly minus2LogLikelihood!: number;
  readonly aic!: number;
  readonly bic!: number;
  readonly residualStandardError!: number;
  readonly degreesOfFreedom!: number;
  readonly confidence!: number;
  readonly table!: FitTable;

  constructor(fields: IndividualFitFields) {
    Object.assign(this, fields);
  }

  /** The estimates by name. */
  get estimates(): Record<string, number> {
    const out: Record<string, number> = Object.create(null);
    for (const p of this.parameters) out[p.name] = p.estimate;
    return out;
  }

  /** The printed summary: status, parameter table, correlations, objective. */
  toString(): string {
    const level = `${Math.round(this.confidence * 100)}%`;
    const profiled = this.parameters.some((p) => p.profile);
    const header = ["parameter", "estimate", "SE", "RSE%", `${level} CI low`, `${level} CI high`, ...(profiled ? ["profile low", "profile high"] : [])];
    const rows = this.parameters.map((p) => [p.name, p.estimate, p.se, p.rse, p.lower, p.upper, ...(profiled ? (p.profile ?? [NaN, NaN]) : [])]);
    const lines = [
      `${this.estimator} fit of ${this.model} (${this.output}): ${this.status} — ${this.message}`,
      formatTable(header, rows),
      `-2LL ${formatNumber(this.minus2LogLikelihood)}, AIC ${formatNumber(this.aic)}, BIC ${formatNumber(this.bic)}` +
        (this.estimator === "least-squares" ? `, residual SE ${formatNumber(this.residualStandardError)} on ${this.degreesOfFreedom} df` : ""),
    ];
    if (this.correlation) {
      const names = this.parameters.map((p) => p.name);
      lines.push("correlation of estimates:", formatTable(["", ...names], names.map((name, i) => [name, ...this.correlation![i]])));
    } else lines.push("no standard errors: the information matrix is singular (a parameter the data do not determine)");
    return lines.join("\n");
  }

  /** Observed against predicted, with the line of identity. */
  plot(): PlotlyFigure {
    return observedVsPredicted(this.table, { label: this.output });
  }

  /** Observations and predictions against time. */
  timePlot(): PlotlyFigure {
    return fitOverTime(this.table, { label: this.output });
  }
}
