import { describe, expect, it } from "vitest";
import { datasetFromRegimen, regimenRecords, simulatePopulation } from "../../src/index.js";
import type { Dataset, PopulationOptions } from "../../src/index.js";
import { TWO_DAYS } from "./fixtures.js";

const TIMES = [0.5, 1, 2, 4, 8, 12, 24];
const OPTIONS: PopulationOptions = { keep: "all", summaries: { percentiles: true } };

describe("simulatePopulation on a dataset design", () => {
  it("a dataset built from a regimen gives the same subjects as the regimen itself", () => {
    const input = { ...TWO_DAYS, n: 40, times: TIMES };
    const data = datasetFromRegimen("100 mg q12h x 4", TIMES, [1, 2, 3]);
    const byRegimen = simulatePopulation("pk2cmt_oral", input, OPTIONS);
    const byData = simulatePopulation("pk2cmt_oral", { ...input, regimen: undefined, times: undefined, data }, OPTIONS);
    expect(Array.from(byData.times)).toEqual(TIMES);
    expect(byData.dv).toEqual(byRegimen.dv);
    expect(byData.percentiles).toEqual(byRegimen.percentiles);
  });

  it("virtual subject i follows dataset subject i mod S", () => {
    // Subject 1 gets 100 mg, subject 2 gets 200 mg: without variability, IPRED doubles.
    const data: Dataset = {
      covariates: [],
      subjects: [1, 2].map((id) => ({ id, records: regimenRecords(`${id * 100} mg`, TIMES, id) })),
    };
    const pop = simulatePopulation("pk1cmt_iv", { n: 4, data, params: { CL: 2, V: 20 } }, { keep: "all" });
    const T = TIMES.length;
    for (let k = 0; k < T; k++) {
      expect(pop.ipred![T + k]).toBeCloseTo(2 * pop.ipred![k], 12);
      expect(pop.ipred![2 * T + k]).toBe(pop.ipred![k]);
    }
  });

  it("refuses a dataset whose subjects are observed at different times", () => {
    const data: Dataset = { covariates: [], subjects: [{ id: 1, records: regimenRecords("100 mg", [1, 2], 1) }, { id: 7, records: regimenRecords("100 mg", [1, 3], 7) }] };
    expect(() => simulatePopulation("pk1cmt_iv", { n: 2, data })).toThrow(
      "data: ID 7 is observed at other times than ID 1; population summaries need one time grid (split the dataset by design, or use a VPC with time bins)",
    );
  });
});
