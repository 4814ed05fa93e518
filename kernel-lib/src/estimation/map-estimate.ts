import type { Dataset } from "../dosing/types.js";
import type { Model } from "../model/types.js";
import type { PlotlyFigure } from "../plot/index.js";
import type { SimulateOptions } from "../simulation/index.js";
import { fitOverTime } from "./fit-plots.js";
import { formatNumber, formatTable } from "./format-table.js";
import type { FitStatus } from "./levenberg-marquardt.js";

/** The fields of a {@link MapEstimate}. */
export interface MapEstimateFields {
  model: Model;
  /** The patient's own one-subject dataset (doses and levels). */
  data: Dataset;
  output: string;
  solver: SimulateOptions;
  id: number;
  status: FitStatus;
  message: string;
  /** Typical values of every model parameter (THETA, or the model's value). */
  typical: Record<string, number>;
  /** Parameters with between-subject variability, in OMEGA order. */
  etaNames: string[];
  /** Posterior mode of η, in `etaNames` order. */
  eta: number[];
  /** Posterior covariance of η (Laplace approximation), rows in `etaNames` order. */
  covariance: number[][];
  /** Σ log v + (DV − f)²/v + ηᵀΩ⁻¹η at the mode (−2 log posterior without constants). */
  objective: number;
  /** Per level: population prediction (η = 0) and individual prediction (η̂). */
  table: { id: Float64Array; time: Float64Array; dv: Float64Array; pred: Float64Array; ipred: Float64Array };
}

/**
 * A patient's MAP estimate: individual parameters, the posterior SD of each η, intervals on
 * the parameters' scale, and the predictions at the levels (`doseForTarget` takes it).
 */
export class MapEstimate implements MapEstimateFields {
  readonly model!: Model;
  readonly data!: Dataset;
  readonly output!: string;
  readonly solver!: SimulateOptions;
  readonly id!: number;
  readonly status!: FitStatus;
  readonly message!: string;
  readonly typical!: Record<string, number>;
  readonly etaNames!: string[];
  readonly eta!: number[];
  readonly covariance!: number[][];
  readonly objective!: number;
  readonly table!: MapEstimateFields["table"];

  constructor(fields: MapEstimateFields) {
    Object.assign(this, fields);
  }

  /** The patient's parameter values: typical·exp(η̂) for those with variability, typical otherwise. */
  get parameters(): Record<string, number> {
    const out: Record<string, number> = Object.create(null);
    for (const [name, value] of Object.entries(this.typical)) out[name] = value;
    this.etaNames.forEach((name, i) => (out[name] = this.typical[name] * Math.exp(this.eta[i])));
    return out;
  }

  /** Posterior SD of each η (≈ the CV of the parameter for small values). */
  get sd(): Record<string, number> {
    const out: Record<string, number> = Object.create(null);
    this.etaNames.forEach((name, i) => (out[name] = Math.sqrt(this.covariance[i][i])));
    return out;
  }

  /** Posterior intervals of the parameters at `level` (default 0.95): θ·exp(η̂ ∓ z·SD). */
  intervals(z = 1.959963984540054): Record<string, [number, number]> {
    const out: Record<string, [number, number]> = Object.create(null);
    const p = this.parameters;
    const sd = this.sd;
    for (const name of this.etaNames) out[name] = [p[name] * Math.exp(-z * sd[name]), p[name] * Math.exp(z * sd[name])];
    return out;
  }

  toString(): string {
    const p = this.parameters;
    const sd = this.sd;
    const ci = this.intervals();
    const rows = this.etaNames.map((name, i) => [name, this.typical[name], p[name], this.eta[i], sd[name], ci[name][0], ci[name][1]]);
    return [
      `MAP estimate of ID ${this.id} (${this.model.name}, ${this.output}): ${this.status} — ${this.message}`,
      formatTable(["parameter", "typical", "individual", "ETA", "posterior SD", "95% low", "95% high"], rows),
      `objective ${formatNumber(this.objective)}`,
    ].join("\n");
  }

  /** The levels and the individual predictions (IPRED) at them. */
  plot(): PlotlyFigure {
    return fitOverTime({ ...this.table, pred: this.table.ipred }, { label: "IPRED" });
  }
}
