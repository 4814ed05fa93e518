import { PopulationError } from "./population-error.js";

/**
 * How an ETA moves a parameter from its typical value TV:
 * - "log-normal" (default): P = TV·exp(η), for positive parameters (CL, V, KA);
 * - "normal": P = TV + η;
 * - "logit-normal": P = lower + (upper − lower)·expit(logit((TV − lower)/(upper − lower)) + η),
 *   for bounded parameters such as F1 in (0, 1) (bounds default to 0 and 1).
 */
export type ParameterDistribution = "log-normal" | "normal" | "logit-normal" | { type: "logit-normal"; lower: number; upper: number };

/** The individual value for a typical value and an ETA. */
export type EtaTransform = (typical: number, eta: number) => number;

/**
 * The transform for a parameter's distribution; throws when a typical value cannot be
 * transformed (TV ≤ 0 for log-normal, TV outside the bounds for logit-normal).
 *
 * @example
 * etaTransform("F1", "logit-normal")(0.5, 0); // 0.5
 */
export function etaTransform(name: string, distribution: ParameterDistribution = "log-normal"): EtaTransform {
  if (distribution === "log-normal") {
    return (tv, eta) => {
      if (!(tv > 0)) throw new PopulationError(`log-normal ${name} needs a typical value > 0 (got ${tv}); use the "normal" distribution for parameters that can be ≤ 0`);
      return tv * Math.exp(eta);
    };
  }
  if (distribution === "normal") return (tv, eta) => tv + eta;
  if (distribution !== "logit-normal" && (typeof distribution !== "object" || distribution.type !== "logit-normal")) {
    throw new PopulationError(`unknown distribution for ${name}: ${JSON.stringify(distribution)}; use "log-normal", "normal" or "logit-normal"`);
  }
  const { lower, upper } = distribution === "logit-normal" ? { lower: 0, upper: 1 } : distribution;
  if (!(upper > lower)) throw new PopulationError(`logit-normal ${name} needs lower < upper (got ${lower}, ${upper})`);
  return (tv, eta) => {
    const x = (tv - lower) / (upper - lower);
    if (!(x > 0 && x < 1)) throw new PopulationError(`logit-normal ${name} needs a typical value inside (${lower}, ${upper}) (got ${tv})`);
    return lower + (upper - lower) / (1 + Math.exp(-(Math.log(x / (1 - x)) + eta)));
  };
}
