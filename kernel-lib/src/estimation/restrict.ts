import { Matrix } from "ml-matrix";
import type { SecondOrder } from "./levenberg-marquardt.js";

/**
 * The objective with u[index] held at `value`: a function of the other entries, its
 * gradient and Hessian the sub-vector and sub-matrix (for profile likelihoods).
 * @internal
 */
export function restrict<T extends SecondOrder>(objective: (u: Float64Array) => T, size: number, index: number, value: number): { objective: (w: Float64Array) => SecondOrder; expand: (w: Float64Array) => Float64Array } {
  const keep = Array.from({ length: size }, (_, i) => i).filter((i) => i !== index);
  const expand = (w: Float64Array) => {
    const u = new Float64Array(size);
    keep.forEach((i, j) => (u[i] = w[j]));
    u[index] = value;
    return u;
  };
  return {
    expand,
    objective: (w) => {
      const full = objective(expand(w));
      return {
        value: full.value,
        gradient: Float64Array.from(keep, (i) => full.gradient[i]),
        hessian: new Matrix(keep.map((i) => keep.map((j) => full.hessian.get(i, j)))),
      };
    },
  };
}
