import { quantiles } from "../stats/index.js";
import { targetMetric, type Target } from "../population/index.js";
import { MultivariateNormal, RandomStream } from "../random/index.js";
import { simulate, type RegimenLike, type TimeGrid } from "../simulation/index.js";
import { EstimationError } from "./estimation-error.js";
import type { MapEstimate } from "./map-estimate.js";

/** Options of {@link doseForTarget}. */
export interface DoseForTargetOptions {
  /** The regimen with a given dose amount (mg), e.g. (dose) => `${dose} mg q12h x 10`. */
  regimen: (dose: number) => RegimenLike;
  /** Times the target is read on (a trough's time or an AUC's window must be among them). */
  times: ArrayLike<number> | TimeGrid;
  /** The target, as for population PTA; its `atLeast` value is the level to hit (one number). */
  target: Target;
  /** Search range of the dose (mg), default [1e-3, 1e6]. */
  range?: [number, number];
  /** Posterior draws for the uncertainty of the outcome (default 1000). */
  samples?: number;
  /** Seed of the draws (default 1). */
  seed?: number;
}

/** The dose that hits the target for the MAP parameters, and how sure that is. */
export interface DoseForTarget {
  /** Dose (mg) whose target metric equals the target at the MAP estimate. */
  dose: number;
  /** The target value. */
  target: number;
  /** 5th, 50th and 95th percentiles of the metric at `dose` over the posterior of η. */
  percentiles: { p5: number; p50: number; p95: number };
  /** Fraction of posterior draws whose metric at `dose` is at least the target. */
  attainment: number;
}

/**
 * The dose that makes a target metric (trough concentration, AUC over a window, Cmin …,
 * see `Target`) equal its value for a patient's MAP parameters, found by bisection on
 * log(dose) (the metric must rise with the dose), with the posterior uncertainty of the
 * outcome: η drawn from N(η̂, posterior covariance), the metric at that dose per draw.
 * Covariates come from the patient's first record.
 *
 * @example
 * const d = doseForTarget(map, { regimen: (x) => `${x} mg q12h x 10`, times: { end: 120, step: 1 },
 *   target: { kind: "concentration", time: 119, atLeast: 10 } });
 * d.dose; // mg per dose for a trough of 10 mg/L
 */
export function doseForTarget(estimate: MapEstimate, options: DoseForTargetOptions): DoseForTarget {
  const { regimen, target, range = [1e-3, 1e6], samples = 1000, seed = 1 } = options;
  const first = estimate.data.subjects[0].records[0];
  const covariates = first ? { ...first.covariates } : {};
  const run = (dose: number, params: Record<string, number>) => simulate(estimate.model, { regimen: regimen(dose), times: options.times, params, covariates }, estimate.solver);
  const probe = run(1, estimate.parameters);
  const metric = targetMetric(target, probe.time);
  if (metric.thresholds.length !== 1) throw new EstimationError(`the target needs one value in atLeast (got ${metric.thresholds.length})`);
  const goal = metric.thresholds[0];
  const at = (dose: number, params: Record<string, number>) => metric.metric(run(dose, params).outputs[estimate.output], 0);
  const individual = estimate.parameters;
  let [low, high] = range.map(Math.log);
  const lowValue = at(Math.exp(low), individual);
  const highValue = at(Math.exp(high), individual);
  if (!(lowValue <= goal && highValue >= goal)) {
    throw new EstimationError(`the target ${goal} is not reached between doses ${range[0]} and ${range[1]} mg (metric ${lowValue} to ${highValue}); widen \`range\` or check the target's time`);
  }
  while (high - low > 1e-10) {
    const mid = (low + high) / 2;
    if (at(Math.exp(mid), individual) < goal) low = mid;
    else high = mid;
  }
  const dose = Math.exp((low + high) / 2);
  const mvn = new MultivariateNormal(estimate.covariance, { name: "posterior covariance", labels: estimate.etaNames });
  const stream = RandomStream.fromSeed(seed);
  const eta = new Float64Array(estimate.etaNames.length);
  const values = new Float64Array(samples);
  let reached = 0;
  for (let s = 0; s < samples; s++) {
    mvn.sample(stream, eta, estimate.eta);
    const params = { ...individual };
    estimate.etaNames.forEach((name, i) => (params[name] = estimate.typical[name] * Math.exp(eta[i])));
    values[s] = at(dose, params);
    if (values[s] >= goal) reached++;
  }
  const [p5, p50, p95] = quantiles(values, samples, [0.05, 0.5, 0.95]);
  return { dose, target: goal, percentiles: { p5, p50, p95 }, attainment: reached / samples };
}
