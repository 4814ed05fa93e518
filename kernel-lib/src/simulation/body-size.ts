import { mostellerBsa } from "../dosing/body-surface-area.js";
import type { Model } from "../model/types.js";
import { parseUnit, sameDimension, scaleRatio } from "../model/units.js";

/** The body size a subject's doses per kg and per m² are scaled by; absent when not known. */
export interface BodySize {
  /** Body weight, kg (covariate WT). */
  weight?: number;
  /** Body surface area, m² (covariate BSA, or Mosteller's from HT and WT). */
  surface?: number;
}

/**
 * Covariates that size doses: they may be given for a model that does not read them
 * (`covariates: { WT: 70 }` for a "5 mg/kg" regimen), in kg, cm and m² then.
 */
export const DOSING_COVARIATES: ReadonlyMap<string, string> = new Map([["WT", "kg"], ["HT", "cm"], ["BSA", "m^2"]]);

/**
 * A subject's weight and surface area: from the model's own parameter or covariate of that
 * name (WT, HT, BSA; converted from its declared unit), else from `extra` (dosing covariates
 * the model does not declare). BSA not given is Mosteller's from HT and WT.
 * @internal
 */
export function bodySize(model: Model, p: ArrayLike<number>, extra: ReadonlyMap<string, number>): BodySize {
  const value = (name: string): number | undefined => {
    const specs = [...model.parameters, ...model.covariateSpecs];
    const i = specs.findIndex((q) => q.name === name);
    if (i < 0) return extra.get(name);
    const want = parseUnit(DOSING_COVARIATES.get(name) as string);
    const have = parseUnit(specs[i].unit);
    if (!sameDimension(have, want)) {
      throw new Error(`model ${model.name} declares ${name} in ${specs[i].unit}, which cannot size a dose (expected a unit like ${DOSING_COVARIATES.get(name)})`);
    }
    // A covariate without a value (NaN until a dataset fills it) gives no size.
    return Number.isNaN(p[i]) ? undefined : p[i] * scaleRatio(have, want);
  };
  const weight = value("WT");
  const height = value("HT");
  const surface = value("BSA") ?? (weight !== undefined && height !== undefined ? mostellerBsa(height, weight) : undefined);
  return { weight, surface };
}
