import type { DemographicBounds, DemographicStatistics, SexStatistics } from "./types.js";

/**
 * US adults, approximate teaching values (see docs/virtual-population.md for the derivation).
 *
 * - Mean weight and height: Fryar CD, Carroll MD, Gu Q, Afful J, Ogden CL. Anthropometric
 *   reference data for children and adults: United States, 2015–2018. Vital Health Stat 3(46).
 *   National Center for Health Statistics; 2021. Adults ≥ 20 y: men 199.8 lb (90.6 kg),
 *   69.0 in (175.3 cm); women 170.8 lb (77.5 kg), 63.5 in (161.3 cm).
 * - Spread of weight and height: rounded from the 5th–95th percentile range of the same
 *   report's tables, read as ±1.645 SD (of ln weight, of height).
 * - Age, serum creatinine and every correlation: rounded teaching values of the order seen in
 *   NHANES adults (creatinine after the 1999–2004 recalibration), not published estimates.
 */
export const NHANES_ADULTS: DemographicStatistics = {
  source: "US adults, NHANES 2015–2018 (Fryar et al., Vital Health Stat 3(46), 2021), approximate teaching values",
  femaleFraction: 0.51,
  male: adults({ weight: [90.6, 0.2], height: [175.3, 7.6], age: [47, 17], creatinine: [0.95, 0.2], weightHeight: 0.45, weightAge: 0.05 }),
  female: adults({ weight: [77.5, 0.24], height: [161.3, 7.0], age: [48, 18], creatinine: [0.72, 0.2], weightHeight: 0.3, weightAge: 0.1 }),
};

/**
 * One sex's statistics: [mean, spread] pairs as in `SexStatistics`, and the two correlations
 * that differ between the sexes; the others are shared: HT–AGE −0.15 (height falls with age
 * across cohorts), AGE–ln SCR 0.25 (creatinine rises with age), ln WT–ln SCR 0.10 and
 * HT–ln SCR 0.05 (more muscle, more creatinine).
 */
function adults(s: {
  weight: [number, number];
  height: [number, number];
  age: [number, number];
  creatinine: [number, number];
  weightHeight: number;
  weightAge: number;
}): SexStatistics {
  const { weightHeight: wh, weightAge: wa } = s;
  return {
    weight: { mean: s.weight[0], logSd: s.weight[1] },
    height: { mean: s.height[0], sd: s.height[1] },
    age: { mean: s.age[0], sd: s.age[1] },
    creatinine: { median: s.creatinine[0], logSd: s.creatinine[1] },
    correlation: [
      [1, wh, wa, 0.1],
      [wh, 1, -0.15, 0.05],
      [wa, -0.15, 1, 0.25],
      [0.1, 0.05, 0.25, 1],
    ],
  };
}

/**
 * Default limits for adults (a subject outside any of them is redrawn whole, see
 * `generateVirtualPopulation`): WT 40–200 kg, HT 135–210 cm, AGE 18–85 y, SCR 0.4–4 mg/dL.
 */
export const ADULT_BOUNDS: DemographicBounds = {
  WT: [40, 200],
  HT: [135, 210],
  AGE: [18, 85],
  SCR: [0.4, 4],
};
