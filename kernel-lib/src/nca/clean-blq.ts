// Internal to nca/ (not re-exported by the package); `nca` is the public entry.
import type { BlqRule, BlqRules } from "./types.js";
import type { Profile } from "./profile.js";
import { firstMax, lastPositive } from "./profile.js";

/** PKNCA's default `conc.blq`: keep leading and trailing BLQ samples as 0, drop those between quantified samples. */
export const DEFAULT_CONC_BLQ: BlqRules = { first: "keep", middle: "drop", last: "keep" };

/** A profile after the BLQ rules, with how many BLQ samples were dropped or replaced. */
export interface CleanedProfile extends Profile {
  dropped: number;
  replaced: number;
}

/**
 * Applies BLQ rules to a profile whose BLQ samples are 0 (PKNCA's `clean.conc.blq`).
 * Positions are judged on the input: "first" is at or before the first positive sample,
 * "middle" strictly between the first and last positive samples, "last" at or after the
 * last positive one; "before.tmax" is before the first Tmax, "after.tmax" at or after it.
 * When every sample is BLQ, all are "first" and all but the last are "before.tmax".
 *
 * @example
 * cleanBlq({ time: [0, 1, 2, 3, 4], conc: [0, 5, 0, 2, 0] }, { first: "keep", middle: "drop", last: "keep" });
 * // { time: [0, 1, 3, 4], conc: [0, 5, 2, 0], dropped: 1, replaced: 0 }
 */
export function cleanBlq(p: Profile, rules: BlqRules): CleanedProfile {
  const positive = p.conc.map((c) => c > 0);
  const allBlq = !positive.includes(true);
  const end = p.time[p.time.length - 1];
  const tfirst = allBlq ? end : p.time[positive.indexOf(true)];
  const tlast = allBlq ? end + 1 : p.time[lastPositive(p.conc)];
  const tmax = allBlq ? end : p.time[firstMax(p.conc)];
  const ruleAt = (t: number): BlqRule => {
    if (typeof rules !== "object") return rules;
    if ("first" in rules) return t <= tfirst ? rules.first : t < tlast ? rules.middle : rules.last;
    return t < tmax ? rules["before.tmax"] : rules["after.tmax"];
  };
  const out: CleanedProfile = { time: [], conc: [], dropped: 0, replaced: 0 };
  p.time.forEach((t, i) => {
    const rule = positive[i] ? "keep" : ruleAt(t);
    if (rule === "drop") {
      out.dropped++;
      return;
    }
    if (typeof rule === "number") out.replaced++;
    out.time.push(t);
    out.conc.push(typeof rule === "number" ? rule : p.conc[i]);
  });
  return out;
}
