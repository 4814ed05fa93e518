import { ParameterError } from "./parameter-error.js";
import type { Model } from "./types.js";
import { parseUnit, sameDimension, type UnitValue } from "./units.js";

/** What a parameter's unit says about its sign: the kind of quantity and whether 0 is allowed. @internal */
export interface ParameterRule {
  kind: string;
  zeroAllowed: boolean;
}

const RULES: [string, ParameterRule][] = [
  ["L", { kind: "a volume", zeroAllowed: false }],
  // A clearance or rate constant of 0 is a process switched off (Q = 0: no peripheral
  // exchange, CL = 0: no elimination); a volume of 0 has no meaning (division by V).
  ["L/h", { kind: "a clearance", zeroAllowed: true }],
  ["1/h", { kind: "a rate constant", zeroAllowed: true }],
  ["h", { kind: "a time", zeroAllowed: true }],
];

const cache = new WeakMap<Model, (ParameterRule | undefined)[]>();

/**
 * Each parameter's sign rule (undefined: any finite value), from the dimension of its unit;
 * computed once per model. Precompiled built-in models bring theirs
 * ({@link registerParameterRules}), so checking them never parses a unit.
 * @internal
 */
export function parameterRules(model: Model): (ParameterRule | undefined)[] {
  let rules = cache.get(model);
  if (!rules) {
    rules = model.parameters.map((q) => {
      let unit: UnitValue;
      try {
        unit = parseUnit(q.unit);
      } catch {
        return undefined;
      }
      return RULES.find(([reference]) => sameDimension(unit, parseUnit(reference)))?.[1];
    });
    cache.set(model, rules);
  }
  return rules;
}

/** Sets the sign rules of a model's parameters, as {@link parameterRules} computed them at build time. @internal */
export function registerParameterRules(model: Model, rules: readonly (ParameterRule | undefined)[]): void {
  cache.set(model, [...rules]);
}

/**
 * Throws a {@link ParameterError} naming the first parameter value a model cannot run with:
 * NaN or ±Infinity; a volume ≤ 0; a clearance, rate constant or time < 0. The kind of each
 * parameter comes from the dimension of its unit (volume, volume/time, 1/time, time), so
 * V1 in mL and KA in 1/day are covered too. Covariates (after the parameters in `p`) are
 * not checked: a missing covariate may be NaN until the data fill it.
 *
 * @example
 * checkParameters(getModel("pk1cmt_iv"), [6, -5, 1, 0]);
 * // ParameterError: parameter V = -5 L: a volume must be positive (model pk1cmt_iv)
 */
export function checkParameters(model: Model, p: ArrayLike<number>): void {
  const rules = parameterRules(model);
  if (p.length < rules.length) {
    throw new ParameterError(`model ${model.name} needs ${rules.length} parameter values (${model.parameters.map((q) => q.name).join(", ")}), got ${p.length}`);
  }
  for (let i = 0; i < rules.length; i++) {
    const value = p[i];
    const rule = rules[i];
    if (Number.isFinite(value) && (!rule || value > 0 || (value === 0 && rule.zeroAllowed))) continue;
    const q = model.parameters[i];
    const shown = `parameter ${q.name} = ${value}${q.unit.trim() === "1" ? "" : ` ${q.unit}`}`;
    if (!Number.isFinite(value)) throw new ParameterError(`${shown}: not a finite number (model ${model.name})`);
    const need = rule?.zeroAllowed ? "must not be negative" : "must be positive";
    throw new ParameterError(`${shown}: ${rule?.kind} ${need} (model ${model.name})`);
  }
}
