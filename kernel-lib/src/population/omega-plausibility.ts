import type { Omega } from "./omega.js";
import type { ParameterDistribution } from "./parameter-distribution.js";

/**
 * Largest plausible variance of a log-normal or logit-normal ETA: ω² = 2 is a CV of
 * √(e² − 1) ≈ 253 %, beyond the between-subject variability reported for PK parameters
 * (CV of clearance typically 20–60 %, of KA up to ~150 %; e.g. the pharmacometric model
 * repository summaries in Lavielle, *Mixed Effects Models for the Population Approach*, 2014).
 */
const PLAUSIBLE_VARIANCE = 2;

/**
 * Warnings for variances that are legal but almost surely a mistake: a log-normal (or
 * logit-normal) ETA variance above 2, i.e. a CV above 250 % — typically an SD or a CV in %
 * typed where NONMEM's $OMEGA wants a variance (CV 30 % is ω² = ln(1 + 0.3²) ≈ 0.086). The
 * simulation runs anyway; the warning is in the result.
 *
 * @example
 * implausibleOmega({ names: ["CL"], matrix: [[30]] }, undefined, "OMEGA")[0];
 * // "OMEGA variance of CL is 30: a log-normal CV of 3.3e+8 % …"
 */
export function implausibleOmega(omega: Omega, distributions: Readonly<Record<string, ParameterDistribution>> | undefined, what: string): string[] {
  return omega.names.flatMap((name, i) => {
    const variance = omega.matrix[i][i];
    if ((distributions?.[name] ?? "log-normal") === "normal" || variance <= PLAUSIBLE_VARIANCE) return [];
    const cv = 100 * Math.sqrt(Math.expm1(variance));
    return [
      `${what} variance of ${name} is ${variance}: a log-normal CV of ${cv.toPrecision(2)} %, far beyond plausible between-subject variability. ` +
        `OMEGA holds variances of η, not SDs or CVs in %: a CV of 30 % is ω² = ln(1 + 0.3²) ≈ 0.086`,
    ];
  });
}
