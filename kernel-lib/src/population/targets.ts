import { PopulationError } from "./population-error.js";

/**
 * A target whose probability of attainment (PTA) is reported, computed per subject from the
 * model prediction (IPRED) on the simulated time grid:
 * - `concentration`: C(time) ≥ each `atLeast` (e.g. a trough: a grid time before the next dose;
 *   a grid time equal to a dose time is recorded after that dose);
 * - `cmin`: the lowest grid value in [from, to] ≥ each `atLeast`;
 * - `auc`: the AUC over [from, to] ≥ each `atLeast`: the integral of the solution (an AUC state
 *   added to the model, exact for linear models) when the model has model text, else the
 *   linear trapezoid over the grid points (with a warning);
 * - `time-above`: the fraction of [from, to] with C ≥ `concentration` (crossings by linear
 *   interpolation between grid points) ≥ each `atLeast` (a fraction, e.g. 0.4 for 40 %T>MIC).
 * `from`/`to` default to the grid's ends and must be grid times. `cmin` and `time-above` read
 * the grid: a population warns when the grid is too coarse for them (see `coarseGridWarnings`).
 */
export type Target =
  | { kind: "concentration"; time: number; atLeast: number | readonly number[] }
  | { kind: "cmin"; from?: number; to?: number; atLeast: number | readonly number[] }
  | { kind: "auc"; from?: number; to?: number; atLeast: number | readonly number[] }
  | { kind: "time-above"; concentration: number; from?: number; to?: number; atLeast: number | readonly number[] };

/**
 * A target ready to evaluate: the metric of one subject's values (at `offset`, one per grid
 * time; `auc`, when given, the subject's AUC from time 0 at the same grid times) and the thresholds.
 */
export interface TargetMetric {
  thresholds: number[];
  metric(values: ArrayLike<number>, offset: number, auc?: ArrayLike<number>): number;
}

/**
 * Prepares a target on a time grid; throws when a time is not on the grid or a threshold is not finite.
 *
 * @example
 * const auc = targetMetric({ kind: "auc", from: 0, to: 2, atLeast: 10 }, [0, 1, 2]);
 * auc.metric([4, 2, 1], 0); // 4.5 (trapezoids)
 * auc.metric([4, 2, 1], 0, [0, 2.9, 4.3]); // 4.3 (the AUC state's increase)
 */
export function targetMetric(target: Target, times: ArrayLike<number>, index = 0): TargetMetric {
  const what = `target ${index + 1} (${target.kind})`;
  const thresholds = (typeof target.atLeast === "number" ? [target.atLeast] : [...target.atLeast]).map((x) => {
    if (!Number.isFinite(x)) throw new PopulationError(`${what}: threshold ${x} is not a finite number`);
    return x;
  });
  const at = (t: number | undefined, fallback: number, name: string): number => {
    if (t === undefined) return fallback;
    const k = Array.prototype.indexOf.call(times, t) as number;
    if (k < 0) throw new PopulationError(`${what}: ${name} = ${t} is not one of the simulated times; add it to \`times\``);
    return k;
  };
  const last = times.length - 1;
  switch (target.kind) {
    case "concentration": {
      const k = at(target.time, -1, "time");
      return { thresholds, metric: (v, o) => v[o + k] };
    }
    case "cmin": {
      const [a, b] = window(at(target.from, 0, "from"), at(target.to, last, "to"), what);
      return {
        thresholds,
        metric: (v, o) => {
          let min = Infinity;
          for (let k = a; k <= b; k++) min = Math.min(min, v[o + k]);
          return min;
        },
      };
    }
    case "auc": {
      const [a, b] = window(at(target.from, 0, "from"), at(target.to, last, "to"), what);
      return {
        thresholds,
        metric: (v, o, exact) => {
          if (exact) return exact[o + b] - exact[o + a];
          let auc = 0;
          for (let k = a; k < b; k++) auc += ((times[k + 1] - times[k]) * (v[o + k] + v[o + k + 1])) / 2;
          return auc;
        },
      };
    }
    case "time-above": {
      const [a, b] = window(at(target.from, 0, "from"), at(target.to, last, "to"), what);
      const c = target.concentration;
      if (!Number.isFinite(c)) throw new PopulationError(`${what}: concentration ${c} is not a finite number`);
      const span = times[b] - times[a];
      return { thresholds, metric: (v, o) => timeAbove(times, v, o, a, b, c) / span };
    }
    default:
      throw new PopulationError(`${what}: unknown kind; use "concentration", "cmin", "auc" or "time-above"`);
  }
}

function window(a: number, b: number, what: string): [number, number] {
  if (!(b > a)) throw new PopulationError(`${what}: the interval needs from < to`);
  return [a, b];
}

/** Time with C ≥ c between grid points a and b, the crossing inside a step found by linear interpolation. */
function timeAbove(times: ArrayLike<number>, v: ArrayLike<number>, o: number, a: number, b: number, c: number): number {
  let total = 0;
  for (let k = a; k < b; k++) {
    const y0 = v[o + k];
    const y1 = v[o + k + 1];
    const dt = times[k + 1] - times[k];
    if (y0 >= c && y1 >= c) total += dt;
    else if (y0 >= c || y1 >= c) total += (dt * (Math.max(y0, y1) - c)) / Math.abs(y1 - y0);
  }
  return total;
}
