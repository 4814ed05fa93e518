import { cholesky, type CholeskyOptions } from "../linalg/cholesky.js";
import type { RandomStream } from "./random-stream.js";

/**
 * A multivariate normal N(0, Σ), or N(μ, Σ) with a mean given to `sample`, sampled as
 * x = μ + L·z with L the Cholesky factor of Σ and z standard normals drawn in order from a
 * {@link RandomStream} (one per dimension, also for zero-variance dimensions, so the count of
 * numbers drawn is fixed).
 *
 * @example
 * const mvn = new MultivariateNormal([[0.09, 0.03], [0.03, 0.04]], { name: "OMEGA", labels: ["CL", "V"] });
 * const eta = new Float64Array(2);
 * mvn.sample(RandomStream.fromSeed(1), eta);
 */
export class MultivariateNormal {
  /** The Cholesky factor, row-major. */
  private readonly factor: Float64Array;
  private readonly z: Float64Array;
  readonly dimension: number;

  constructor(covariance: readonly (readonly number[])[], options: CholeskyOptions = {}) {
    const l = cholesky(covariance, options);
    this.dimension = l.length;
    this.factor = Float64Array.from(l.flat());
    this.z = new Float64Array(this.dimension);
  }

  /** Writes one draw into `out` (length ≥ dimension), around `mean` when given (else 0). */
  sample(stream: Pick<RandomStream, "normal">, out: Float64Array, mean?: ArrayLike<number>): Float64Array {
    const n = this.dimension;
    for (let i = 0; i < n; i++) this.z[i] = stream.normal();
    for (let i = 0; i < n; i++) {
      let s = mean === undefined ? 0 : mean[i];
      for (let k = 0; k <= i; k++) s += this.factor[i * n + k] * this.z[k];
      out[i] = s;
    }
    return out;
  }
}
