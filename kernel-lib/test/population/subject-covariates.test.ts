import { describe, expect, it } from "vitest";
import { generateVirtualPopulation, RandomStream, simulatePopulation } from "../../src/index.js";
import { documentedModel } from "../covariates/documented-models.js";

// CL = 5·(WT/70)^0.75 L/h, V = 25·(WT/70) L, 100 mg IV bolus: C(t) = 100/V·exp(−CL/V·t).
const model = documentedModel("pk1cmt_iv_allometric");
const exact = (wt: number, t: number) => {
  const cl = 5 * (wt / 70) ** 0.75;
  const v = 25 * (wt / 70);
  return (100 / v) * Math.exp((-cl / v) * t);
};

describe("simulatePopulation with covariates per virtual subject", () => {
  it("gives subject i of every replicate entry i mod the list's length (no variability: the closed form)", () => {
    const weights = [35, 70, 140];
    const pop = simulatePopulation(
      model,
      { regimen: "100 mg", times: [1, 6], n: 4, replicates: 2, subjectCovariates: weights.map((WT) => ({ WT })) },
      { keep: "all" },
    );
    const ipred = pop.ipred as Float64Array;
    for (let k = 0; k < 8; k++) {
      const wt = weights[(k % 4) % 3];
      expect(ipred[2 * k] / exact(wt, 1) - 1).toBeCloseTo(0, 9);
      expect(ipred[2 * k + 1] / exact(wt, 6) - 1).toBeCloseTo(0, 9);
    }
  });

  it("takes a virtual population's weights together with OMEGA, the same in any chunking", () => {
    const vp = generateVirtualPopulation(200, RandomStream.fromSeed(3));
    const input = { regimen: "100 mg", times: [6], n: 200, seed: 5, omega: { TVCL: 0.09 }, subjectCovariates: vp.toSubjects(["WT"]) };
    const a = simulatePopulation(model, input, { keep: "all", chunkSize: 7 });
    const b = simulatePopulation(model, input, { keep: "all" });
    expect(a.ipred).toEqual(b.ipred);
    // Heavier subjects have a larger V: at 6 h most subjects above 90 kg are below the typical
    // 70 kg concentration (1.2 mg/L; 1.0 at 90 kg), despite the 30 % ETA on clearance.
    const heavy = Array.from(vp.WT).flatMap((wt, i) => (wt > 90 ? [(a.ipred as Float64Array)[i]] : []));
    expect(heavy.length).toBeGreaterThan(10);
    expect(heavy.filter((c) => c < exact(70, 6)).length / heavy.length).toBeGreaterThan(0.8);
  });

  it("names an unknown covariate and the entry", () => {
    expect(() => simulatePopulation(model, { regimen: "100 mg", times: [1], n: 2, subjectCovariates: [{ WT: 60 }, { AGE: 40 }] })).toThrow(
      "subjectCovariates[1].AGE: model pk1cmt_iv_allometric has no covariate AGE; its covariates: WT",
    );
    expect(() => simulatePopulation(model, { regimen: "100 mg", times: [1], n: 2, subjectCovariates: [{ WT: Number.NaN }] })).toThrow("subjectCovariates[0].WT = NaN");
  });
});
