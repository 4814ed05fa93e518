import { describe, expect, it } from "vitest";
import { simulate } from "../../src/simulation/index.js";
import { documentedModel, documentedModels } from "./documented-models.js";

const times = [0, 1, 4, 12];

describe("covariate models documented in docs/covariates.md", () => {
  it("documents exactly the allometric and the renal model", () => {
    expect(Object.keys(documentedModels).sort()).toEqual(["pk1cmt_iv_allometric", "pk1cmt_iv_renal"]);
  });

  it("allometric model: a 100 mg bolus in a 45 kg subject follows D/V·exp(−CL/V·t) with CL = 5·(45/70)^0.75, V = 25·45/70", () => {
    const model = documentedModel("pk1cmt_iv_allometric");
    expect(model.covariates).toEqual(["WT"]);
    expect(model.linear).toBe(true);
    const cl = 5 * (45 / 70) ** 0.75;
    const v = (25 * 45) / 70;
    const sim = simulate(model, { regimen: "100 mg", times, covariates: { WT: 45 } });
    times.forEach((t, i) => expect(sim.outputs.CP[i]).toBeCloseTo((100 / v) * Math.exp((-cl / v) * t), 12));
  });

  it("renal model: CL = 0.5 L/h + 0.054 (L/h)/(mL/min)·CRCL, per subject through `subjects`", () => {
    const model = documentedModel("pk1cmt_iv_renal");
    expect(model.covariates).toEqual(["CRCL"]);
    const sim = simulate(model, { regimen: "100 mg", times, subjects: [{ CRCL: 30 }, { CRCL: 120 }] });
    [30, 120].forEach((crcl, s) => {
      const cl = 0.5 + 0.054 * crcl;
      times.forEach((t, i) => expect(sim.outputs.CP[s * times.length + i]).toBeCloseTo(5 * Math.exp((-cl / 20) * t), 12));
    });
  });
});
