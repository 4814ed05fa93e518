import { ParameterError } from "./errors.js";
import { math } from "./math.js";
import type { Model } from "./types.js";

type Rule = "positive" | "non-negative" | "any";

const rules = new WeakMap<Model, Rule[]>();

/** Volumes must be positive; clearances, rate constants and times non-negative (from the unit's dimension). */
function ruleFor(unit: string): Rule {
  if (unit.trim() === "1") return "any";
  const u = math.unit(1, unit);
  const is = (reference: string) => u.equalBase(math.unit(1, reference));
  if (is("L")) return "positive";
  if (is("L/h") || is("1/h") || is("h")) return "non-negative";
  return "any";
}

/**
 * Throws a {@link ParameterError} naming the first parameter the model cannot run with:
 * NaN or infinite values, a volume ≤ 0, or a negative clearance, rate constant or time.
 *
 * @example
 * checkParameters(getModel("pk1cmt_iv"), [6, -5, 1, 0]); // parameter V = -5 L: a volume must be positive
 */
export function checkParameters(model: Model, p: ArrayLike<number>): void {
  const modelRules = rules.get(model) ?? model.parameters.map((q) => ruleFor(q.unit));
  rules.set(model, modelRules);
  for (let i = 0; i < modelRules.length; i++) {
    const value = p[i];
    if (Number.isFinite(value) && (modelRules[i] === "any" || value > 0 || (value === 0 && modelRules[i] === "non-negative"))) continue;
    const q = model.parameters[i];
    const show = `parameter ${q.name} = ${value}${q.unit === "1" ? "" : " " + q.unit}`;
    if (!Number.isFinite(value)) throw new ParameterError(`${show}: every parameter needs a finite number (model ${model.name})`);
    if (modelRules[i] === "positive" && !(value > 0)) throw new ParameterError(`${show}: a volume must be positive (model ${model.name})`);
    if (modelRules[i] === "non-negative" && value < 0) throw new ParameterError(`${show}: must not be negative (model ${model.name})`);
  }
}
