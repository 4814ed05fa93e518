import { EstimationError } from "./estimation-error.js";

/** How a parameter is searched: on its own scale, or as log(x) (positive parameters). */
export type ParameterScale = "linear" | "log";

/** One estimated parameter: initial value, optional bounds, search scale, or held fixed. */
export interface ParameterSetup {
  value: number;
  lower?: number;
  upper?: number;
  /** Default "log" for a parameter whose lower bound is ≥ 0 or unset and value > 0, else "linear". */
  scale?: ParameterScale;
  fixed?: boolean;
}

/**
 * A parameter's map from the unconstrained search variable u to its value x, and dx/du.
 * Bounds are kept by a logistic map between them (on the log scale for "log"), a one-sided
 * bound by an exponential offset; so every u is a valid x and the optimiser needs no
 * constraints. The covariance is carried back to x by the delta method (dx/du).
 * @internal
 */
export interface Transform {
  toValue(u: number): number;
  toSearch(x: number): number;
  /** dx/du at u. */
  slope(u: number): number;
}

const logistic = (u: number) => 1 / (1 + Math.exp(-u));

/**
 * The transform of a parameter named `name` (for messages), checked: finite initial value
 * strictly inside its bounds, lower < upper, a log scale only for positive values.
 * @internal
 */
export function parameterTransform(name: string, setup: ParameterSetup): Transform {
  const { value, upper = Infinity } = setup;
  const scale = setup.scale ?? (value > 0 && (setup.lower === undefined || setup.lower >= 0) ? "log" : "linear");
  // An unset lower bound of a log-scale parameter is 0.
  const lower = setup.lower ?? (scale === "log" ? 0 : -Infinity);
  if (!Number.isFinite(value)) throw new EstimationError(`parameter ${name}: initial value ${value} is not a finite number`);
  if (!(lower < upper)) throw new EstimationError(`parameter ${name}: lower bound ${lower} is not below upper bound ${upper}`);
  if (!(value > lower && value < upper)) throw new EstimationError(`parameter ${name}: initial value ${value} is not strictly inside its bounds (${lower}, ${upper})`);
  if (scale === "log" && (value <= 0 || lower < 0)) throw new EstimationError(`parameter ${name}: a log scale needs a positive value and a lower bound ≥ 0 (got ${value}, lower ${lower})`);
  if (scale === "log") {
    const inner = affine(lower > 0 ? Math.log(lower) : -Infinity, Number.isFinite(upper) ? Math.log(upper) : Infinity);
    return { toValue: (u) => Math.exp(inner.toValue(u)), toSearch: (x) => inner.toSearch(Math.log(x)), slope: (u) => Math.exp(inner.toValue(u)) * inner.slope(u) };
  }
  return affine(lower, upper);
}

/** Identity, exponential offset from one bound, or logistic between two. */
function affine(lower: number, upper: number): Transform {
  if (Number.isFinite(lower) && Number.isFinite(upper)) {
    const width = upper - lower;
    return {
      toValue: (u) => lower + width * logistic(u),
      toSearch: (x) => Math.log((x - lower) / (upper - x)),
      slope: (u) => width * logistic(u) * (1 - logistic(u)),
    };
  }
  if (Number.isFinite(lower)) return { toValue: (u) => lower + Math.exp(u), toSearch: (x) => Math.log(x - lower), slope: (u) => Math.exp(u) };
  if (Number.isFinite(upper)) return { toValue: (u) => upper - Math.exp(u), toSearch: (x) => Math.log(upper - x), slope: (u) => -Math.exp(u) };
  return { toValue: (u) => u, toSearch: (x) => x, slope: () => 1 };
}

/** A number or a setup, as setup. @internal */
export function asSetup(spec: number | ParameterSetup): ParameterSetup {
  return typeof spec === "number" ? { value: spec } : spec;
}
