import type { EventRecord } from "../dosing/types.js";
import type { Model } from "../model/types.js";

/**
 * How a time-varying covariate is read between the records that give its value
 * (records at t₁ < t₂ with values v₁, v₂):
 * - "locf" (last observation carried forward, the default): v₁ on [t₁, t₂);
 * - "nocb" (next observation carried backward, NONMEM's default for ADVAN models, where the
 *   record at t₂ supplies the parameters for advancing the system over (t₁, t₂]): v₂ on (t₁, t₂];
 * - "linear": v₁ + (v₂ − v₁)·(t − t₁)/(t₂ − t₁), evaluated at every t the ODE solver visits.
 * At a record's own time every rule gives that record's value, so outputs there use it.
 */
export type CovariateInterpolation = "locf" | "nocb" | "linear";

const RULES: readonly CovariateInterpolation[] = ["locf", "nocb", "linear"];

/**
 * The interpolation of each of the model's covariates, in `model.covariates` order, from the
 * `covariateInterpolation` option (missing names: "locf"). Throws naming an unknown
 * covariate or rule.
 *
 * @example
 * resolveInterpolation(model, { CRCL: "linear" }); // ["locf", "linear"] for covariates WT, CRCL
 * @internal
 */
export function resolveInterpolation(model: Model, option: Readonly<Record<string, string>> = {}): CovariateInterpolation[] {
  for (const [name, rule] of Object.entries(option)) {
    if (!model.covariates.includes(name)) {
      const known = model.covariates.length > 0 ? `its covariates are ${model.covariates.join(", ")}` : "it has no covariates";
      throw new Error(`covariateInterpolation: model ${model.name} has no covariate "${name}"; ${known}`);
    }
    if (!RULES.includes(rule as CovariateInterpolation)) {
      throw new Error(`covariateInterpolation.${name}: unknown interpolation "${rule}"; use "locf", "nocb" or "linear"`);
    }
  }
  return model.covariates.map((name) => (option[name] as CovariateInterpolation | undefined) ?? "locf");
}

/**
 * The value a subject starts with (before and at its first record): the first record's value
 * for "locf" (a missing first value leaves the caller's or the model's default), else the
 * first value given anywhere in the records, which "nocb" and "linear" carry backward.
 * NaN when no record gives one.
 *
 * @example
 * // records with WT ".", 72, 75
 * initialCovariate(records, "WT", "locf"); // NaN (the default applies)
 * initialCovariate(records, "WT", "nocb"); // 72
 * @internal
 */
export function initialCovariate(records: readonly EventRecord[], name: string, rule: CovariateInterpolation): number {
  if (rule === "locf") return records[0]?.covariates[name] ?? NaN;
  for (const r of records) {
    const value = r.covariates[name];
    if (value !== undefined && !Number.isNaN(value)) return value;
  }
  return NaN;
}
