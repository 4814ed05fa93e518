import { MultivariateNormal } from "../random/multivariate-normal.js";
import { cockcroftGault } from "./cockcroft-gault.js";
import { ADULT_BOUNDS, NHANES_ADULTS } from "./nhanes-adults.js";
import type { DemographicBounds, DemographicStatistics, DrawnField, RandomSource, SexStatistics } from "./types.js";
import { VirtualPopulation } from "./virtual-population.js";

export interface VirtualPopulationOptions {
  /** Summary statistics per sex (default {@link NHANES_ADULTS}). */
  statistics?: DemographicStatistics;
  /** Limits per drawn field, replacing the defaults field by field (default {@link ADULT_BOUNDS}). */
  bounds?: Partial<DemographicBounds>;
  /** Draws allowed per subject before the bounds are declared too narrow (default 1000). */
  maxAttempts?: number;
}

/** Dimensions of the multivariate normal, in the order of `SexStatistics.correlation`. */
const DRAWN: readonly DrawnField[] = ["WT", "HT", "AGE", "SCR"];

/** One sex's multivariate normal on (ln WT, HT, AGE, ln SCR): mean vector and the zero-mean normal around it. */
interface SexSampler {
  mean: number[];
  normal: MultivariateNormal;
}

/**
 * Draws `n` virtual subjects with correlated demographics:
 *
 * 1. sex: female with probability `femaleFraction` (one uniform draw);
 * 2. (ln WT, HT, AGE, ln SCR) from that sex's multivariate normal: means
 *    (ln mean WT − σ²/2, so the arithmetic mean weight is the stated one; mean height; mean
 *    age; ln median SCr), SDs as stated, correlation matrix as stated; x = μ + L·z with L the
 *    Cholesky factor of the covariance and z four standard normals;
 * 3. bounds: a subject with any field outside its [low, high] is redrawn whole (sex kept), so
 *    the population follows the multivariate normal truncated to the box, per sex;
 * 4. CRCL by Cockcroft–Gault (mL/min) from age, total body weight, SCr and sex.
 *
 * Random numbers come from `source` in a fixed order, so a seeded source reproduces the
 * population. Throws when the statistics are not a valid correlation structure or when a
 * subject stays out of bounds after `maxAttempts` draws.
 *
 * @example
 * const pop = generateVirtualPopulation(1000, source);
 * pop.toRows()[0]; // { ID: 1, SEX: 1, AGE: 52.3, WT: 71.8, HT: 158.2, SCR: 0.69, CRCL: 88.1 }
 */
export function generateVirtualPopulation(n: number, source: RandomSource, options: VirtualPopulationOptions = {}): VirtualPopulation {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`generateVirtualPopulation: n = ${n} must be a whole number ≥ 0`);
  const statistics = options.statistics ?? NHANES_ADULTS;
  const bounds: DemographicBounds = { ...ADULT_BOUNDS, ...options.bounds };
  const maxAttempts = options.maxAttempts ?? 1000;
  const p = statistics.femaleFraction;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`femaleFraction = ${p} must be between 0 and 1`);
  const samplers = { male: sexSampler(statistics.male, "male"), female: sexSampler(statistics.female, "female") };

  const columns = Array.from({ length: 6 }, () => new Float64Array(n));
  const [sex, age, weight, height, scr, crcl] = columns;
  const x = new Float64Array(4);
  for (let i = 0; i < n; i++) {
    const female = source.uniform() < p;
    const sampler = female ? samplers.female : samplers.male;
    let attempt = 0;
    do {
      if (++attempt > maxAttempts) {
        const limits = DRAWN.map((f) => `${f} ${bounds[f][0]}–${bounds[f][1]}`).join(", ");
        throw new RangeError(`virtual subject ${i + 1} (${female ? "female" : "male"}) is still outside the bounds (${limits}) after ${maxAttempts} draws; widen the bounds`);
      }
      draw(sampler, source, x);
    } while (!inBounds(x, bounds));
    sex[i] = female ? 1 : 0;
    weight[i] = x[0];
    height[i] = x[1];
    age[i] = x[2];
    scr[i] = x[3];
    crcl[i] = cockcroftGault({ age: x[2], weight: x[0], scr: x[3], female });
  }
  return new VirtualPopulation(sex, age, weight, height, scr, crcl);
}

function sexSampler(s: SexStatistics, sex: string): SexSampler {
  const sd = [s.weight.logSd, s.height.sd, s.age.sd, s.creatinine.logSd];
  sd.forEach((v, k) => {
    if (!(v >= 0) || !Number.isFinite(v)) throw new RangeError(`${sex} statistics: the SD of ${DRAWN[k]} is ${v}; it must be a finite number ≥ 0`);
  });
  for (let i = 0; i < 4; i++) {
    if (s.correlation[i]?.[i] !== 1) throw new RangeError(`${sex} statistics: correlation[${i}][${i}] must be 1 (a correlation matrix of ln WT, HT, AGE, ln SCR)`);
  }
  const covariance = s.correlation.map((row, i) => row.map((r, j) => r * sd[i] * sd[j]));
  const normal = new MultivariateNormal(covariance, { name: `${sex} correlation matrix`, labels: ["ln WT", "HT", "AGE", "ln SCR"] });
  const mean = [Math.log(s.weight.mean) - (sd[0] * sd[0]) / 2, s.height.mean, s.age.mean, Math.log(s.creatinine.median)];
  return { mean, normal };
}

/** One draw of (WT, HT, AGE, SCR) into x, on the natural scale. */
function draw(sampler: SexSampler, source: RandomSource, x: Float64Array): void {
  sampler.normal.sample(source, x, sampler.mean);
  x[0] = Math.exp(x[0]);
  x[3] = Math.exp(x[3]);
}

function inBounds(x: Float64Array, bounds: DemographicBounds): boolean {
  return DRAWN.every((f, k) => x[k] >= bounds[f][0] && x[k] <= bounds[f][1]);
}
