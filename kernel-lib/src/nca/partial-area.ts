// Internal to nca/ (not re-exported by the package); `nca` is the public entry.
import type { AucMethod } from "./types.js";
import type { Profile } from "./profile.js";
import { lastPositive, profileSegments } from "./profile.js";
import { segmentArea, segmentConc } from "./segment.js";
import type { Segment } from "./segment.js";

/** The terminal line after Tlast: C(t) = clast·exp(−λz (t − Tlast)). */
export interface Tail {
  lambdaZ: number;
  clast: number;
}

/**
 * ∫ C(t) dt from `start` to `end` (PKNCA's `aucint.last` without `tail`, `aucint.inf.obs`
 * with it), where C(t) is the curve the AUC integrates: up to Tlast each segment's own
 * line or exponential (so an interval end between samples is interpolated with the rule of
 * its segment: linear, or log-linear on a log segment), after Tlast 0 or the `tail`
 * extrapolation. `end` may be Infinity. NaN when `start` is before the first sample or
 * when the tail is needed and λz is NaN.
 *
 * @example
 * partialArea({ time: [0, 2], conc: [8, 2] }, "linear-up/log-down", 0, 1); // 4/ln 2 ≈ 5.771
 */
export function partialArea(p: Profile, method: AucMethod, start: number, end: number, tail?: Tail): number {
  if (p.time.length < 2 || start < p.time[0]) return NaN;
  const last = lastPositive(p.conc);
  if (last < 0) return 0;
  const tlast = p.time[last];
  const segments = profileSegments(p, method, "last");
  let area = 0;
  for (let i = 0; i < last; i++) {
    const u = Math.max(start, p.time[i]);
    const v = Math.min(end, p.time[i + 1]);
    if (v > u) area += segmentArea(segments[i], u, concAt(p, segments[i], i, u), v, concAt(p, segments[i], i, v));
  }
  if (!tail || end <= tlast) return area;
  const from = Math.max(start, tlast);
  const decay = (t: number) => (Number.isFinite(t) ? Math.exp(-tail.lambdaZ * (t - tlast)) : 0);
  return area + (tail.clast / tail.lambdaZ) * (decay(from) - decay(end));
}

function concAt(p: Profile, kind: Segment, i: number, t: number): number {
  if (t === p.time[i]) return p.conc[i];
  if (t === p.time[i + 1]) return p.conc[i + 1];
  return segmentConc(kind, p.time[i], p.conc[i], p.time[i + 1], p.conc[i + 1], t);
}
