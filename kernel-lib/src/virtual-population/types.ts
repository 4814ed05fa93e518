/**
 * The random numbers a virtual population needs: standard normal and uniform (0, 1) draws
 * from a seeded, reproducible stream — a `RandomStream` of the random module.
 *
 * @example
 * const source: RandomSource = RandomStream.fromSeed(2026);
 */
export interface RandomSource {
  /** A standard normal draw N(0, 1). */
  normal(): number;
  /** A uniform draw in (0, 1). */
  uniform(): number;
}

/** The demographic columns of a virtual subject, in NONMEM-style upper-case names. */
export type DemographicField = "SEX" | "AGE" | "WT" | "HT" | "SCR" | "CRCL";

/** The fields drawn jointly (the multivariate normal's dimensions, after their transforms). */
export type DrawnField = "WT" | "HT" | "AGE" | "SCR";

/**
 * Summary statistics of one sex. Weight and serum creatinine are log-normal (`logSd` is the
 * SD of their natural log), height and age normal. `correlation` is the correlation matrix of
 * (ln WT, HT, AGE, ln SCR), in that order.
 */
export interface SexStatistics {
  /** Body weight: arithmetic mean (kg) and SD of ln(weight). */
  weight: { mean: number; logSd: number };
  /** Height: mean and SD (cm). */
  height: { mean: number; sd: number };
  /** Age: mean and SD (years). */
  age: { mean: number; sd: number };
  /** Serum creatinine: median = geometric mean (mg/dL) and SD of ln(SCr). */
  creatinine: { median: number; logSd: number };
  /** 4×4 correlation of (ln WT, HT, AGE, ln SCR). */
  correlation: readonly (readonly number[])[];
}

/** Statistics of a population: each sex, the share of women, and where the numbers come from. */
export interface DemographicStatistics {
  /** Citation of the numbers, shown in docs and error messages. */
  source: string;
  /** Probability that a subject is female. */
  femaleFraction: number;
  male: SexStatistics;
  female: SexStatistics;
}

/** Inclusive [low, high] limits of each drawn field (WT kg, HT cm, AGE years, SCR mg/dL). */
export type DemographicBounds = Record<DrawnField, readonly [number, number]>;
