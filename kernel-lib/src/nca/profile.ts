// Internal to nca/ (not re-exported by the package); `nca` is the public entry.
import type { AucMethod } from "./types.js";
import { segmentRule } from "./segment.js";
import type { Segment } from "./segment.js";

/** A cleaned concentration–time profile: times strictly increasing, relative to the dose (internal). */
export interface Profile {
  time: number[];
  conc: number[];
}

/** Index of the last positive concentration (Tlast), or −1 when every value is 0. */
export function lastPositive(conc: readonly number[]): number {
  for (let i = conc.length - 1; i >= 0; i--) if (conc[i] > 0) return i;
  return -1;
}

/** Index of the first maximum concentration (Tmax, PKNCA's `first.tmax`), or −1 when every value is 0. */
export function firstMax(conc: readonly number[]): number {
  let best = -1;
  for (let i = 0; i < conc.length; i++) if (conc[i] > 0 && (best < 0 || conc[i] > conc[best])) best = i;
  return best;
}

/**
 * The rule of each segment i (samples i → i + 1) up to `end` ("last": Tlast, no area
 * after it; "all": PKNCA's AUCall, a linear segment from Tlast to the next sample, none
 * after).
 */
export function profileSegments(p: Profile, method: AucMethod, end: "last" | "all"): Segment[] {
  const last = lastPositive(p.conc);
  const max = firstMax(p.conc);
  const tmax = max < 0 ? NaN : p.time[max];
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < p.time.length; i++) {
    if (i + 1 <= last) segments.push(segmentRule(method, p.conc[i], p.time[i + 1], p.conc[i + 1], tmax));
    else segments.push(i === last && end === "all" ? "linear" : "zero");
  }
  return segments;
}
