// Internal to nca/ (not re-exported by the package); `nca` is the public entry.
import type { AucMethod } from "./types.js";
import type { Profile } from "./profile.js";
import { profileSegments } from "./profile.js";
import { segmentArea, segmentMoment } from "./segment.js";

/** AUC and AUMC of a profile from its first sample. */
export interface Areas {
  auc: number;
  aumc: number;
}

/**
 * AUC and AUMC from the first sample to Tlast (`end` "last": PKNCA's auclast, aumclast) or
 * to the last sample with a triangle after Tlast (`end` "all": aucall, aumcall), each
 * segment by the rule of `method`. Both are 0 when every concentration is 0 and NaN with
 * fewer than two samples.
 *
 * @example
 * profileAreas({ time: [0, 1, 2], conc: [0, 4, 2] }, "linear", "last"); // { auc: 5, aumc: 6 }
 */
export function profileAreas(p: Profile, method: AucMethod, end: "last" | "all"): Areas {
  if (p.time.length < 2) return { auc: NaN, aumc: NaN };
  const segments = profileSegments(p, method, end);
  let auc = 0;
  let aumc = 0;
  segments.forEach((kind, i) => {
    auc += segmentArea(kind, p.time[i], p.conc[i], p.time[i + 1], p.conc[i + 1]);
    aumc += segmentMoment(kind, p.time[i], p.conc[i], p.time[i + 1], p.conc[i + 1]);
  });
  return { auc, aumc };
}
