import { backExtrapolateC0 } from "./back-extrapolate-c0.js";
import { cleanBlq } from "./clean-blq.js";
import { derivedParameters } from "./derived-parameters.js";
import { lambdaZ } from "./lambda-z.js";
import { partialArea } from "./partial-area.js";
import { firstMax, lastPositive } from "./profile.js";
import type { Profile } from "./profile.js";
import { profileAreas } from "./profile-areas.js";
import { readNcaInput } from "./read-nca-input.js";
import type { NcaInput } from "./read-nca-input.js";
import type { NcaOptions, NcaResult, NcaSubject } from "./types.js";

/**
 * Non-compartmental analysis of one single-dose profile, with PKNCA's conventions and
 * parameter names (see docs/nca.md):
 * - without a sample at the dose, concentration 0 there (`impute` "start_conc0"), then the
 *   BLQ rules (`concBlq`; BLQ is 0 or below `lloq`);
 * - Cmax, Tmax (first maximum), Tlast, Clast.obs from those samples; for "iv-bolus" C0
 *   (see `backExtrapolateC0`) at the dose time;
 * - AUClast, AUCall, AUMClast by the trapezoid rule of `aucMethod` (for "iv-bolus" from
 *   C0 at the dose time, i.e. PKNCA's aucivlast);
 * - λz by best adjusted R² (see `lambdaZ`), then AUCinf and AUMCinf from Clast,obs and
 *   Clast,pred, %extrapolated, t½, CL = dose/AUC, Vz = CL/λz, MRT = AUMC/AUC (minus
 *   half the infusion duration for mrt.iv.*), dose-normalised values (`.dn`);
 * - partial AUCs over `partialAuc` intervals (see `partialArea`).
 * Times in the result are relative to the dose. Bad input throws an `NcaError`; a
 * parameter that cannot be estimated is NaN with the reason in `exclude`.
 *
 * @example
 * const r = nca({ time: [0, 1, 2, 4, 8, 12], conc: [0, 8, 6, 4, 2, 1], dose: 100 });
 * r.cmax; // 8
 * r["half.life"]; // 4 (the last three points lie on a line of slope −ln 2/4)
 * r["aucinf.obs"]; // auclast + 1/λz
 */
export function nca(subject: NcaSubject, options: NcaOptions = {}): NcaResult {
  const input = readNcaInput(subject, options);
  const { dose, route, duration, aucMethod } = input;
  const exclude: Record<string, string> = {};
  const notes: string[] = [];
  if (input.belowLloq > 0) notes.push(`${input.belowLloq} sample(s) below lloq set to 0 (BLQ)`);
  const cleaned = cleanBlq(withStart(input, notes), input.concBlq);
  if (cleaned.dropped > 0) notes.push(`${cleaned.dropped} BLQ sample(s) dropped by the BLQ rules`);
  if (cleaned.replaced > 0) notes.push(`${cleaned.replaced} BLQ sample(s) replaced by the BLQ rules`);
  // Every parameter reads the cleaned samples, so a numeric BLQ replacement counts everywhere.
  const { time, conc } = cleaned;
  const max = firstMax(conc);
  const last = lastPositive(conc);
  if (last < 0) exclude.tlast = "every concentration is BLQ";
  const tlast = last < 0 ? NaN : time[last];
  const clastObs = last < 0 ? 0 : conc[last];
  const lz = lambdaZ(time, conc, {
    after: duration,
    tmax: max < 0 ? NaN : time[max],
    tlast,
    allowTmax: input.allowTmaxInHalfLife,
    minPoints: input.minHlPoints,
    adjRSquaredFactor: input.adjRSquaredFactor,
  });
  if (lz.reason) exclude["lambda.z"] = lz.reason;

  const bolus = route === "iv-bolus" ? backExtrapolateC0(time, conc) : undefined;
  if (bolus) notes.push(`C0 = ${bolus.c0} (PKNCA c0 method "${bolus.method}") starts the AUC at the dose`);
  const profile = bolus ? fromC0(cleaned, bolus.c0) : cleaned;
  const areas = profileAreas(profile, aucMethod, "last");
  if (Number.isNaN(areas.auc)) exclude.auclast = "fewer than 2 samples left after the BLQ rules";
  const l = lz["lambda.z"];
  const clastPred = lz["clast.pred"];
  const primary = {
    cmax: max < 0 ? 0 : conc[max],
    "clast.obs": clastObs,
    auclast: areas.auc,
    aucall: profileAreas(profile, aucMethod, "all").auc,
    "aucinf.obs": areas.auc + clastObs / l,
    "aucinf.pred": areas.auc + clastPred / l,
    aumclast: areas.aumc,
    "aumcinf.obs": areas.aumc + (clastObs * tlast) / l + clastObs / (l * l),
    "aumcinf.pred": areas.aumc + (clastPred * tlast) / l + clastPred / (l * l),
    "lambda.z": l,
  };
  if (Number.isNaN(dose)) exclude.dose = "no dose given: CL, Vz and dose-normalised values are NaN";
  const { reason: _, ...regression } = lz;
  return {
    ID: input.id,
    route,
    aucMethod,
    dose,
    c0: bolus ? bolus.c0 : NaN,
    tmax: max < 0 ? NaN : time[max],
    tlast,
    ...primary,
    ...regression,
    ...derivedParameters(primary, dose, route, duration),
    partialAuc: input.partialAuc.map(([start, end]) => ({
      start,
      end,
      "aucint.last": partialArea(profile, aucMethod, start, end),
      "aucint.inf.obs": partialArea(profile, aucMethod, start, end, { lambdaZ: l, clast: clastObs }),
    })),
    exclude,
    notes,
  };
}

/** The AUC profile of an IV bolus: C0 at the dose time (replacing a sample there), then the samples after it. */
function fromC0(p: Profile, c0: number): Profile {
  const after = p.time.findIndex((t) => t > 0);
  const rest = after < 0 ? p.time.length : after;
  return { time: [0, ...p.time.slice(rest)], conc: [c0, ...p.conc.slice(rest)] };
}

/** The samples with concentration 0 added at the dose time when `impute` asks for it (not for an IV bolus, which gets C0). */
function withStart(input: NcaInput, notes: string[]): Profile {
  const { time, conc } = input;
  if (input.route === "iv-bolus" || input.impute === "none" || time[0] === 0) return { time, conc };
  notes.push("concentration 0 added at the dose time (start_conc0)");
  return { time: [0, ...time], conc: [0, ...conc] };
}
