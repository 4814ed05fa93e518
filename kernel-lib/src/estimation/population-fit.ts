import type { Omega } from "../population/index.js";
import type { PlotlyFigure } from "../plot/index.js";
import type { IndividualModel } from "./focei.js";
import { observedVsPredicted } from "./fit-plots.js";
import { formatNumber, formatTable } from "./format-table.js";
import { qqPlot, residualPlot } from "./gof-plots.js";
import type { FitStatus } from "./levenberg-marquardt.js";
import type { PopulationValuesSpec } from "./simulate-design.js";

/** One population estimate (THETA, OMEGA entry or SIGMA variance) with its SE and RSE %. */
export interface PopulationEstimate {
  name: string;
  estimate: number;
  se: number;
  rse: number;
}

/** One row per observation, as NONMEM's $TABLE: DV, PRED (η = 0), IPRED (η̂), RES, IWRES, CWRES. */
export interface PopulationTable {
  id: Float64Array;
  time: Float64Array;
  dv: Float64Array;
  pred: Float64Array;
  ipred: Float64Array;
  /** DV − PRED. */
  res: Float64Array;
  /** (DV − IPRED)/√v(IPRED). */
  iwres: Float64Array;
  cwres: Float64Array;
}

/** The fields of a {@link PopulationFit}. */
export interface PopulationFitFields {
  model: string;
  method: "focei";
  status: FitStatus;
  message: string;
  iterations: number;
  /** NONMEM's objective function value (−2 log L without n·log 2π). */
  ofv: number;
  observations: number;
  subjects: number;
  theta: Record<string, number>;
  omega: Omega;
  sigma: Record<string, number>;
  estimates: PopulationEstimate[];
  covarianceMessage: string;
  /** Correlation of the estimates (`estimates` order); undefined without a covariance step. */
  correlation?: number[][];
  etaNames: string[];
  /** Each subject's EBE (conditional mode η̂), in `etaNames` order, subjects in dataset order. */
  etas: number[][];
  /** η shrinkage (SD) in %, `etaNames` order. */
  etaShrinkage: number[];
  /** ε shrinkage (SD of IWRES) in %. */
  epsilonShrinkage: number;
  table: PopulationTable;
  /** The covariate model the fit used (`fitPopulation`'s `individual`), if any. */
  individual?: IndividualModel;
  /** The model output compared with DV. */
  output?: string;
}

/** The result of `fitPopulation`: estimates with SE and RSE %, OFV, EBEs, diagnostics table, summary and plots. */
export class PopulationFit implements PopulationFitFields {
  readonly model!: string;
  readonly method!: "focei";
  readonly status!: FitStatus;
  readonly message!: string;
  readonly iterations!: number;
  readonly ofv!: number;
  readonly observations!: number;
  readonly subjects!: number;
  readonly theta!: Record<string, number>;
  readonly omega!: Omega;
  readonly sigma!: Record<string, number>;
  readonly estimates!: PopulationEstimate[];
  readonly covarianceMessage!: string;
  readonly correlation?: number[][];
  readonly etaNames!: string[];
  readonly etas!: number[][];
  readonly etaShrinkage!: number[];
  readonly epsilonShrinkage!: number;
  readonly table!: PopulationTable;
  readonly individual?: IndividualModel;
  readonly output?: string;

  constructor(fields: PopulationFitFields) {
    Object.assign(this, fields);
  }

  /** The fitted model as `npde`, `vpc` and `marginalLikelihood` take it: THETA, `individual`, OMEGA, SIGMA, output. */
  get population(): PopulationValuesSpec {
    return { theta: this.theta, individual: this.individual, omega: this.omega, sigma: this.sigma, output: this.output };
  }

  /** −2 log-likelihood with the n·log 2π constant (comparable with R's logLik). */
  get minus2LogLikelihood(): number {
    return this.ofv + this.observations * Math.log(2 * Math.PI);
  }

  toString(): string {
    return [
      `FOCE-I fit of ${this.model}: ${this.status} — ${this.message}`,
      `OFV ${this.ofv.toFixed(3)} (NONMEM's, without n·log 2π); ${this.subjects} subjects, ${this.observations} observations`,
      formatTable(["parameter", "estimate", "SE", "RSE%"], this.estimates.map((e) => [e.name, e.estimate, e.se, e.rse])),
      this.covarianceMessage,
      `ETA shrinkage (SD, %): ${this.etaNames.map((name, k) => `${name} ${formatNumber(this.etaShrinkage[k])}`).join(", ")}; EPS shrinkage ${formatNumber(this.epsilonShrinkage)} %`,
    ].join("\n");
  }

  /** DV against PRED (population predictions). */
  plotPred(): PlotlyFigure {
    return observedVsPredicted({ ...this.table, pred: this.table.pred }, { label: "PRED" });
  }

  /** DV against IPRED (individual predictions). */
  plot(): PlotlyFigure {
    return observedVsPredicted({ ...this.table, pred: this.table.ipred }, { label: "IPRED" });
  }

  /** CWRES against time, with the zero line: a trend shows model misspecification. */
  cwresPlot(): PlotlyFigure {
    return residualPlot({ x: this.table.time, y: this.table.cwres, id: this.table.id }, { x: "time (h)", y: "CWRES" });
  }

  /** CWRES against PRED, with the zero line: a trend shows a misspecified structural or error model. */
  cwresVsPredPlot(): PlotlyFigure {
    return residualPlot({ x: this.table.pred, y: this.table.cwres, id: this.table.id }, { x: "PRED", y: "CWRES" });
  }

  /** |IWRES| against IPRED (no reference line): a trend shows a misspecified residual error model. */
  absIwresPlot(): PlotlyFigure {
    return residualPlot({ x: this.table.ipred, y: this.table.iwres.map(Math.abs), id: this.table.id }, { x: "IPRED", y: "|IWRES|" }, { reference: null });
  }

  /**
   * Normal QQ plot of the EBEs, each η̂_k divided by √ω_kk, one series per ETA, with the
   * identity line: with little shrinkage they lie on it; shrinkage pulls them flatter.
   */
  etaQqPlot(): PlotlyFigure {
    return qqPlot(this.etaNames.map((name, k) => ({ name: `ETA ${name}`, values: this.etas.map((eta) => eta[k] / Math.sqrt(this.omega.matrix[k][k])) })));
  }
}
