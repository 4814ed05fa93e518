import { tQuantile } from "../stats/index.js";
import { NcaError } from "./nca-error.js";
import { meanSd } from "./summary-statistics.js";

/** One subject's value (AUC or Cmax) in one period of a 2×2 crossover. */
export interface CrossoverObservation {
  subject: number | string;
  /** 1 or 2. */
  period: number;
  /** The formulation given in that period: the test or the reference name (default "T" and "R"). */
  treatment: string;
  /** The metric, > 0 (it is analysed on the log scale). */
  value: number;
}

/** Options of {@link bioequivalence}. */
export interface BioequivalenceOptions {
  /** Name of the test formulation in `treatment` (default "T"). */
  test?: string;
  /** Name of the reference formulation (default "R"). */
  reference?: string;
  /** Two-sided confidence level (default 0.9: the two one-sided tests at 5 %). */
  level?: number;
  /** Acceptance range of the ratio (default [0.8, 1.25]). */
  limits?: readonly [number, number];
}

/** The 2×2 crossover analysis of one metric. */
export interface BioequivalenceResult {
  /** Geometric mean ratio test/reference: exp of the least-squares mean difference of ln values. */
  ratio: number;
  lower: number;
  upper: number;
  level: number;
  /** Whether [lower, upper] lies within `limits`. */
  bioequivalent: boolean;
  limits: [number, number];
  /** Subjects in sequence TR (test first) and RT. */
  subjects: { TR: number; RT: number };
  /** Residual degrees of freedom, n_TR + n_RT − 2. */
  df: number;
  /** Residual (within-subject) mean square of the ANOVA on ln values. */
  mse: number;
  /** Within-subject CV in %: 100·sqrt(exp(MSE) − 1). */
  cvIntra: number;
}

/**
 * Average bioequivalence of a 2-treatment, 2-period, 2-sequence crossover (FDA guidance
 * *Statistical Approaches to Establishing Bioequivalence*, 2001; EMA *Guideline on the
 * Investigation of Bioequivalence*, CPMP/EWP/QWP/1401/98 Rev. 1, 2010): the ANOVA of ln(value)
 * with sequence, subject within sequence, period and formulation, done in its closed form for
 * the balanced or unbalanced 2×2 design (Chow & Liu, *Design and Analysis of Bioavailability
 * and Bioequivalence Studies*, 3rd ed., 2009, §3.3 and §4.2): with the period differences
 * d = (ln y₂ − ln y₁)/2 of each subject, the formulation effect is mean(d | RT) − mean(d | TR),
 * its standard error sqrt(σ̂²_d·(1/n_TR + 1/n_RT)) with σ̂²_d the pooled variance of d, and
 * MSE = 2σ̂²_d. The `level` CI of the ratio is exp(effect ± t(1 − (1 − level)/2, n − 2)·SE).
 *
 * Each subject needs exactly one test and one reference value, in periods 1 and 2;
 * anything else (a missing period, a value ≤ 0, an unknown formulation) throws an `NcaError`
 * naming the subject. Subjects with a missing period must be left out by the caller (the
 * guidances' complete-case analysis).
 *
 * @example
 * const be = bioequivalence([
 *   { subject: 1, period: 1, treatment: "T", value: 100 }, { subject: 1, period: 2, treatment: "R", value: 110 }, …
 * ]);
 * be.ratio, be.lower, be.upper, be.bioequivalent;
 */
export function bioequivalence(observations: readonly CrossoverObservation[], options: BioequivalenceOptions = {}): BioequivalenceResult {
  const test = options.test ?? "T";
  const reference = options.reference ?? "R";
  const level = options.level ?? 0.9;
  const limits: [number, number] = [options.limits?.[0] ?? 0.8, options.limits?.[1] ?? 1.25];
  if (!(level > 0 && level < 1)) throw new NcaError(`bioequivalence: level = ${level} must be in (0, 1), e.g. 0.9`);
  const bySubject = new Map<number | string, (CrossoverObservation | undefined)[]>();
  observations.forEach((o, i) => {
    const where = `observation ${i + 1} (subject ${o.subject})`;
    if (o.period !== 1 && o.period !== 2) throw new NcaError(`${where}: period ${o.period}; a 2×2 crossover has periods 1 and 2`);
    if (o.treatment !== test && o.treatment !== reference) {
      throw new NcaError(`${where}: treatment "${o.treatment}" is neither the test "${test}" nor the reference "${reference}"`);
    }
    if (!(Number.isFinite(o.value) && o.value > 0)) throw new NcaError(`${where}: value ${o.value}; the metric must be a finite number > 0 (it is analysed on the log scale)`);
    const periods = bySubject.get(o.subject) ?? [undefined, undefined];
    if (periods[o.period - 1]) throw new NcaError(`${where}: subject ${o.subject} has two values in period ${o.period}`);
    periods[o.period - 1] = o;
    bySubject.set(o.subject, periods);
  });
  const d: Record<"TR" | "RT", number[]> = { TR: [], RT: [] };
  for (const [subject, [p1, p2]] of bySubject) {
    if (!p1 || !p2) throw new NcaError(`subject ${subject} has no value in period ${p1 ? 2 : 1}; leave out subjects with an incomplete crossover`);
    if (p1.treatment === p2.treatment) throw new NcaError(`subject ${subject} has "${p1.treatment}" in both periods; each subject gets the test and the reference once`);
    d[p1.treatment === test ? "TR" : "RT"].push((Math.log(p2.value) - Math.log(p1.value)) / 2);
  }
  const n1 = d.TR.length;
  const n2 = d.RT.length;
  if (n1 < 1 || n2 < 1 || n1 + n2 < 3) throw new NcaError(`bioequivalence needs subjects in both sequences and at least 3 in all (got TR ${n1}, RT ${n2})`);
  const tr = meanSd(d.TR);
  const rt = meanSd(d.RT);
  const df = n1 + n2 - 2;
  const pooled = ((n1 - 1) * (n1 > 1 ? tr.sd ** 2 : 0) + (n2 - 1) * (n2 > 1 ? rt.sd ** 2 : 0)) / df;
  const effect = rt.mean - tr.mean;
  const se = Math.sqrt(pooled * (1 / n1 + 1 / n2));
  const t = tQuantile(1 - (1 - level) / 2, df);
  const mse = 2 * pooled;
  const lower = Math.exp(effect - t * se);
  const upper = Math.exp(effect + t * se);
  return {
    ratio: Math.exp(effect),
    lower,
    upper,
    level,
    bioequivalent: lower >= limits[0] && upper <= limits[1],
    limits,
    subjects: { TR: n1, RT: n2 },
    df,
    mse,
    cvIntra: 100 * Math.sqrt(Math.expm1(mse)),
  };
}
