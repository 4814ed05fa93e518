import { describe, expect, it } from "vitest";
import { RandomStream } from "../../src/random/index.js";
import { simulate } from "../../src/simulation/index.js";
import {
  ADULT_BOUNDS,
  generateVirtualPopulation,
  NHANES_ADULTS,
  type DemographicBounds,
  type SexStatistics,
  type VirtualPopulation,
} from "../../src/virtual-population/index.js";
import { documentedModel } from "../covariates/documented-models.js";

const UNBOUNDED: DemographicBounds = { WT: [0, Infinity], HT: [-Infinity, Infinity], AGE: [-Infinity, Infinity], SCR: [0, Infinity] };

const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
const sd = (x: number[]) => {
  const m = mean(x);
  return Math.sqrt(x.reduce((s, v) => s + (v - m) ** 2, 0) / (x.length - 1));
};
const correlation = (x: number[], y: number[]) => {
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  x.forEach((v, i) => {
    sxy += (v - mx) * (y[i] - my);
    sxx += (v - mx) ** 2;
    syy += (y[i] - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
};

/** The (ln WT, HT, AGE, ln SCR) columns of one sex. */
function drawn(pop: VirtualPopulation, female: boolean): number[][] {
  const rows = pop.toRows().filter((r) => r.SEX === (female ? 1 : 0));
  return [rows.map((r) => Math.log(r.WT)), rows.map((r) => r.HT), rows.map((r) => r.AGE), rows.map((r) => Math.log(r.SCR))];
}

describe("virtual population: the multivariate normal before truncation", () => {
  const n = 20000;
  const pop = generateVirtualPopulation(n, RandomStream.fromSeed(2024), { bounds: UNBOUNDED });

  it("draws women with the stated probability (within 4 standard errors)", () => {
    const p = NHANES_ADULTS.femaleFraction;
    const share = pop.toRows().filter((r) => r.SEX === 1).length / n;
    expect(Math.abs(share - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
  });

  for (const sex of ["male", "female"] as const) {
    const s: SexStatistics = NHANES_ADULTS[sex];
    it(`${sex}: arithmetic mean weight, mean height, mean age and median creatinine match the stated values within 4 SE`, () => {
      const [lnWt, ht, age, lnScr] = drawn(pop, sex === "female");
      const m = lnWt.length;
      const wt = lnWt.map(Math.exp);
      // SD of a log-normal weight: mean·√(exp(σ²) − 1).
      const wtSd = s.weight.mean * Math.sqrt(Math.exp(s.weight.logSd ** 2) - 1);
      expect(Math.abs(mean(wt) - s.weight.mean)).toBeLessThan((4 * wtSd) / Math.sqrt(m));
      expect(Math.abs(mean(ht) - s.height.mean)).toBeLessThan((4 * s.height.sd) / Math.sqrt(m));
      expect(Math.abs(mean(age) - s.age.mean)).toBeLessThan((4 * s.age.sd) / Math.sqrt(m));
      expect(Math.abs(mean(lnScr) - Math.log(s.creatinine.median))).toBeLessThan((4 * s.creatinine.logSd) / Math.sqrt(m));
    });

    it(`${sex}: SDs within 4% (SE of an SD ≈ SD/√(2n) ≈ 1%) and correlations within 0.04 of the stated matrix`, () => {
      const columns = drawn(pop, sex === "female");
      const stated = [s.weight.logSd, s.height.sd, s.age.sd, s.creatinine.logSd];
      columns.forEach((c, i) => expect(Math.abs(sd(c) / stated[i] - 1)).toBeLessThan(0.04));
      for (let i = 0; i < 4; i++) {
        for (let j = i + 1; j < 4; j++) expect(Math.abs(correlation(columns[i], columns[j]) - s.correlation[i][j])).toBeLessThan(0.04);
      }
    });
  }
});

describe("virtual population: bounds, Cockcroft–Gault, reproducibility", () => {
  const pop = generateVirtualPopulation(5000, RandomStream.fromSeed(7));

  it("keeps every drawn field within the default adult bounds", () => {
    for (const f of ["WT", "HT", "AGE", "SCR"] as const) {
      const [lo, hi] = ADULT_BOUNDS[f];
      for (const v of pop[f]) {
        expect(v).toBeGreaterThanOrEqual(lo);
        expect(v).toBeLessThanOrEqual(hi);
      }
    }
  });

  it("computes CRCL = (140 − age)·weight/(72·SCr), × 0.85 for women", () => {
    pop.toRows().forEach((r) => {
      const expected = (((140 - r.AGE) * r.WT) / (72 * r.SCR)) * (r.SEX === 1 ? 0.85 : 1);
      expect(r.CRCL).toBeCloseTo(expected, 10);
    });
  });

  it("redraws a subject whole, so a narrow weight window keeps the conditional mean height E[HT | ln WT] = μ + ρ·σ_HT·(ln WT − μ_lnWT)/σ_lnWT", () => {
    const men = { ...NHANES_ADULTS, femaleFraction: 0 };
    const narrow = generateVirtualPopulation(4000, RandomStream.fromSeed(11), { statistics: men, bounds: { ...UNBOUNDED, WT: [100, 101] } });
    const s = NHANES_ADULTS.male;
    const muLnWt = Math.log(s.weight.mean) - s.weight.logSd ** 2 / 2;
    const lnWt = mean(Array.from(narrow.WT, Math.log));
    const conditionalMean = s.height.mean + (s.correlation[0][1] * s.height.sd * (lnWt - muLnWt)) / s.weight.logSd;
    const conditionalSd = s.height.sd * Math.sqrt(1 - s.correlation[0][1] ** 2);
    for (const w of narrow.WT) expect(w >= 100 && w <= 101).toBe(true);
    expect(Math.abs(mean(Array.from(narrow.HT)) - conditionalMean)).toBeLessThan((4 * conditionalSd) / Math.sqrt(4000));
  });

  it("reproduces the population from the same seed and changes it with another", () => {
    const again = generateVirtualPopulation(5000, RandomStream.fromSeed(7));
    expect(Array.from(again.CRCL)).toEqual(Array.from(pop.CRCL));
    expect(Array.from(generateVirtualPopulation(10, RandomStream.fromSeed(8)).WT)).not.toEqual(Array.from(pop.WT.subarray(0, 10)));
  });
});

describe("virtual population: use in simulate", () => {
  const pop = generateVirtualPopulation(5, RandomStream.fromSeed(3));
  const renal = documentedModel("pk1cmt_iv_renal");
  const times = [1, 6];

  it("toSubjects gives each subject's CRCL to a regimen simulation", () => {
    const sim = simulate(renal, { regimen: "100 mg", times, subjects: pop.toSubjects(renal.covariates) });
    pop.toRows().forEach((r, s) => {
      const cl = 0.5 + 0.054 * r.CRCL;
      times.forEach((t, i) => expect(sim.outputs.CP[s * times.length + i]).toBeCloseTo(5 * Math.exp((-cl / 20) * t), 12));
    });
  });

  it("toDataset gives the same concentrations through dataset columns", () => {
    const data = pop.toDataset("100 mg", times, ["CRCL"]);
    expect(data.covariates).toEqual(["CRCL"]);
    expect(data.subjects.map((s) => s.id)).toEqual([1, 2, 3, 4, 5]);
    const fromData = simulate(renal, { data });
    const fromSubjects = simulate(renal, { regimen: "100 mg", times, subjects: pop.toSubjects(["CRCL"]) });
    expect(Array.from(fromData.outputs.CP)).toEqual(Array.from(fromSubjects.outputs.CP));
  });
});

describe("virtual population errors", () => {
  it("rejects bounds that (almost) no subject can meet", () => {
    expect(() => generateVirtualPopulation(1, RandomStream.fromSeed(1), { bounds: { WT: [300, 400] }, maxAttempts: 50 })).toThrow(
      "virtual subject 1 (male) is still outside the bounds (WT 300–400, HT 135–210, AGE 18–85, SCR 0.4–4) after 50 draws; widen the bounds",
    );
  });

  it("rejects a correlation matrix that is not positive semi-definite", () => {
    const bad = { ...NHANES_ADULTS.male, correlation: [[1, 0.9, 0.9, 0], [0.9, 1, -0.9, 0], [0.9, -0.9, 1, 0], [0, 0, 0, 1]] };
    expect(() => generateVirtualPopulation(1, RandomStream.fromSeed(1), { statistics: { ...NHANES_ADULTS, male: bad } })).toThrow(
      /^male correlation matrix is not positive semi-definite \(row 3 \(AGE\)/,
    );
  });

  it("rejects a field the population does not have", () => {
    expect(() => generateVirtualPopulation(1, RandomStream.fromSeed(1)).toSubjects(["BMI"])).toThrow(
      'virtual population has no field "BMI"; its fields are SEX, AGE, WT, HT, SCR, CRCL',
    );
  });

  it("rejects a population size that is not a whole number", () => {
    expect(() => generateVirtualPopulation(2.5, RandomStream.fromSeed(1))).toThrow("generateVirtualPopulation: n = 2.5 must be a whole number ≥ 0");
  });
});
