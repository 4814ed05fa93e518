import type { ResidualErrorSpec } from "../population/index.js";
import { EstimationError } from "./estimation-error.js";

/** The SIGMA entries estimation takes: additive and/or proportional variances. */
export type SigmaName = "additive" | "proportional";

/** Residual variance at predictions f and its derivatives. @internal */
export interface ResidualVariance {
  v: Float64Array;
  /** ∂v/∂f. */
  dvdf: Float64Array;
  /** ∂v/∂log σ²_k for each SIGMA entry in `names` order. */
  dvdlog: Float64Array[];
}

/**
 * The SIGMA entries of a residual error spec, checked: additive, proportional or both
 * (combined), positive variances; exponential error is refused (fit log DV with additive
 * error instead).
 * @internal
 */
export function sigmaEntries(spec: ResidualErrorSpec): { names: SigmaName[]; values: number[] } {
  for (const key of Object.keys(spec)) {
    if (key !== "additive" && key !== "proportional") {
      throw new EstimationError(`error model: "${key}" is not supported by estimation; use additive and/or proportional (SIGMA variances)`);
    }
  }
  const names = (["additive", "proportional"] as const).filter((k) => spec[k] !== undefined);
  if (names.length === 0) throw new EstimationError("error model: give an additive and/or a proportional variance (e.g. { additive: 0.5 })");
  const values = names.map((k) => spec[k] as number);
  values.forEach((v, i) => {
    if (!(Number.isFinite(v) && v > 0)) throw new EstimationError(`error model: ${names[i]} variance ${v} must be a finite number > 0`);
  });
  return { names, values };
}

/**
 * v = σ²_add + σ²_prop·f² (NONMEM's Y = F + F·ε₁ + ε₂ with independent ε), with
 * ∂v/∂f = 2σ²_prop·f and ∂v/∂log σ²_k = σ²_k·(1 or f²).
 * @internal
 */
export function residualVariance(names: readonly SigmaName[], values: readonly number[], f: ArrayLike<number>): ResidualVariance {
  const n = f.length;
  const v = new Float64Array(n);
  const dvdf = new Float64Array(n);
  const dvdlog = names.map(() => new Float64Array(n));
  names.forEach((name, k) => {
    const s2 = values[k];
    for (let i = 0; i < n; i++) {
      const term = name === "additive" ? s2 : s2 * f[i] * f[i];
      v[i] += term;
      dvdlog[k][i] = term;
      if (name === "proportional") dvdf[i] += 2 * s2 * f[i];
    }
  });
  return { v, dvdf, dvdlog };
}
