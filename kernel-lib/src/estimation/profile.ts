import { levenbergMarquardt, type SecondOrder } from "./levenberg-marquardt.js";
import { restrict } from "./restrict.js";

/**
 * A profile-likelihood confidence interval on the search scale of entry `index`: the set of
 * u_j where min over the other entries of the objective rises at most `cutoff` above its
 * minimum `best` (Venzon & Moolgavkar 1988). Each side is bracketed by steps of `step`
 * (one standard error) and then bisected to 1e-4 of a step; a side not reached within 30
 * steps is NaN (the data do not bound the parameter there).
 * @internal
 */
export function profileBounds(objective: (u: Float64Array) => SecondOrder, uHat: Float64Array, best: number, index: number, step: number, cutoff: number): [number, number] {
  const size = uHat.length;
  const rise = (t: number, start: Float64Array): { rise: number; u: Float64Array } => {
    const sub = restrict(objective, size, index, t);
    const w0 = Float64Array.from(Array.from(start).filter((_, i) => i !== index));
    const min = levenbergMarquardt(sub.objective, w0, { tolerance: 1e-10 });
    return { rise: min.value - best, u: sub.expand(min.u) };
  };
  const side = (direction: number): number => {
    let inside = uHat[index];
    let start = uHat;
    let outside = NaN;
    for (let k = 1; k <= 30; k++) {
      const t = uHat[index] + direction * k * step;
      const r = rise(t, start);
      if (r.rise > cutoff) {
        outside = t;
        break;
      }
      inside = t;
      start = r.u;
    }
    if (Number.isNaN(outside)) return NaN;
    while (Math.abs(outside - inside) > 1e-4 * step) {
      const mid = (inside + outside) / 2;
      const r = rise(mid, start);
      if (r.rise > cutoff) outside = mid;
      else {
        inside = mid;
        start = r.u;
      }
    }
    return (inside + outside) / 2;
  };
  return [side(-1), side(1)];
}
