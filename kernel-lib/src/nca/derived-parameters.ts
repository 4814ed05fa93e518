// Internal to nca/ (not re-exported by the package); `nca` is the public entry.
import type { NcaRoute } from "./types.js";

/** The primary results the derived parameters are computed from (internal). */
export type PrimaryParameters = Record<
  "cmax" | "clast.obs" | "auclast" | "aucall" | "aucinf.obs" | "aucinf.pred" | "aumclast" | "aumcinf.obs" | "aumcinf.pred" | "lambda.z",
  number
>;

/**
 * %extrapolated, clearances, volumes, MRTs and dose-normalised values from the areas and λz
 * (PKNCA's `pk.calc.aucpext`, `cl`, `vz`, `mrt`, `mrt.iv`, `dn`): CL = dose/AUC (NaN when
 * AUC ≤ 0), Vz = CL/λz, MRT = AUMC/AUC, mrt.iv.* = MRT − duration/2 (IV routes only),
 * `x.dn` = x/dose. A NaN dose or λz gives NaN for what depends on it.
 *
 * @example
 * derivedParameters({ cmax: 8, "clast.obs": 1, auclast: 40, aucall: 40, "aucinf.obs": 50, "aucinf.pred": 50,
 *   aumclast: 200, "aumcinf.obs": 400, "aumcinf.pred": 400, "lambda.z": 0.1 }, 100, "extravascular", 0)["cl.obs"]; // 2
 */
export function derivedParameters(p: PrimaryParameters, dose: number, route: NcaRoute, duration: number) {
  const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);
  const mrtLast = ratio(p.aumclast, p.auclast);
  const mrtObs = ratio(p["aumcinf.obs"], p["aucinf.obs"]);
  const ivShift = route === "extravascular" ? NaN : duration / 2;
  return {
    "aucpext.obs": 100 * (1 - ratio(p.auclast, p["aucinf.obs"])),
    "aucpext.pred": 100 * (1 - ratio(p.auclast, p["aucinf.pred"])),
    "cl.last": ratio(dose, p.auclast),
    "cl.obs": ratio(dose, p["aucinf.obs"]),
    "cl.pred": ratio(dose, p["aucinf.pred"]),
    "vz.obs": ratio(dose, p["aucinf.obs"]) / p["lambda.z"],
    "vz.pred": ratio(dose, p["aucinf.pred"]) / p["lambda.z"],
    "mrt.last": mrtLast,
    "mrt.obs": mrtObs,
    "mrt.pred": ratio(p["aumcinf.pred"], p["aucinf.pred"]),
    "mrt.iv.last": mrtLast - ivShift,
    "mrt.iv.obs": mrtObs - ivShift,
    "cmax.dn": p.cmax / dose,
    "clast.obs.dn": p["clast.obs"] / dose,
    "auclast.dn": p.auclast / dose,
    "aucall.dn": p.aucall / dose,
    "aucinf.obs.dn": p["aucinf.obs"] / dose,
    "aucinf.pred.dn": p["aucinf.pred"] / dose,
  };
}
