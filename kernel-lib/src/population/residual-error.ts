import type { RandomStream } from "../random/random-stream.js";
import { PopulationError } from "./population-error.js";

/**
 * Residual error on the model output, as NONMEM's $SIGMA (variances, not SDs; 10% CV → 0.01),
 * with independent ε per observation:
 * - `{ additive: σ² }`: DV = IPRED + ε;
 * - `{ proportional: σ² }`: DV = IPRED·(1 + ε);
 * - `{ additive, proportional }` (combined): DV = IPRED·(1 + ε₁) + ε₂, Var = IPRED²σ₁² + σ₂²;
 * - `{ exponential: σ² }`: DV = IPRED·exp(ε).
 * Per observation the proportional ε is drawn before the additive one.
 */
export interface ResidualErrorSpec {
  additive?: number;
  proportional?: number;
  exponential?: number;
}

/** Draws DV for one IPRED from a subject's stream. */
export type ResidualDraw = (ipred: number, stream: RandomStream) => number;

/**
 * The DV draw for a residual error model; throws on a negative or non-finite variance, or
 * on exponential error mixed with another kind.
 *
 * @example
 * const draw = residualError({ proportional: 0.01 });
 * draw(10, RandomStream.fromSeed(1)); // 10·(1 + 0.1·z)
 */
export function residualError(spec: ResidualErrorSpec): ResidualDraw {
  for (const key of Object.keys(spec) as (keyof ResidualErrorSpec)[]) {
    const v = spec[key];
    if (!["additive", "proportional", "exponential"].includes(key)) {
      throw new PopulationError(`SIGMA has an unknown entry "${key}"; use additive, proportional and/or exponential (variances)`);
    }
    if (v !== undefined && !(Number.isFinite(v) && v >= 0)) throw new PopulationError(`SIGMA ${key} = ${v}: a variance must be a finite number ≥ 0`);
  }
  const { additive, proportional, exponential } = spec;
  if (exponential !== undefined) {
    if (additive !== undefined || proportional !== undefined) {
      throw new PopulationError("SIGMA: exponential error cannot be combined with additive or proportional error here");
    }
    const sd = Math.sqrt(exponential);
    return (ipred, stream) => ipred * Math.exp(sd * stream.normal());
  }
  const sdProp = proportional === undefined ? undefined : Math.sqrt(proportional);
  const sdAdd = additive === undefined ? undefined : Math.sqrt(additive);
  return (ipred, stream) => {
    let dv = ipred;
    if (sdProp !== undefined) dv += ipred * sdProp * stream.normal();
    if (sdAdd !== undefined) dv += sdAdd * stream.normal();
    return dv;
  };
}
