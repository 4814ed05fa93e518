import { describe, expect, it } from "vitest";
import { readDataset } from "../../src/data/index.js";
import { simulate } from "../../src/simulation/index.js";
import { documentedModel } from "./documented-models.js";

const allometric = documentedModel("pk1cmt_iv_allometric");
const cl = (wt: number) => 5 * (wt / 70) ** 0.75;
const v = (wt: number) => (25 * wt) / 70;

/** 100 mg at 0; weight 70 kg on the records up to 6 h, 90 kg from the record at 12 h on. */
const data = readDataset(`ID,TIME,AMT,DV,WT
1,0,100,.,70
1,3,0,.,70
1,6,0,.,70
1,12,0,.,90
1,18,0,.,90
1,30,0,.,90
`);
const observed = [3, 6, 12, 18, 30];

/** Amount in the body: one exponential per piece, the weight switching at `switchAt`. */
function amount(t: number, switchAt: number): number {
  const k1 = cl(70) / v(70);
  const k2 = cl(90) / v(90);
  return t <= switchAt ? 100 * Math.exp(-k1 * t) : 100 * Math.exp(-k1 * switchAt) * Math.exp(-k2 * (t - switchAt));
}

describe("time-varying covariates", () => {
  for (const method of ["closed-form", "ode"] as const) {
    it(`a weight change at t = 12 gives the piecewise exponential (${method}), with CP = A/V of the row's weight`, () => {
      const sim = simulate(allometric, { data }, { method, rtol: 1e-10, atol: 1e-12 });
      expect(Array.from(sim.time)).toEqual(observed);
      observed.forEach((t, i) => {
        const wt = t >= 12 ? 90 : 70;
        expect(sim.outputs.CP[i]).toBeCloseTo(amount(t, 12) / v(wt), method === "ode" ? 8 : 12);
      });
    });
  }

  it("nocb applies the 90 kg of the 12 h record over (6, 12], so the switch is at 6 h", () => {
    const sim = simulate(allometric, { data }, { covariateInterpolation: { WT: "nocb" } });
    observed.forEach((t, i) => {
      // At 6 h the row's own weight (70 kg) still gives V; the rates change just after it.
      const wt = t > 6 ? 90 : 70;
      expect(sim.outputs.CP[i]).toBeCloseTo(amount(t, 6) / v(wt), 12);
    });
  });

  it("each subject of a dataset gets its own weight column values", () => {
    const two = readDataset(`ID,TIME,AMT,DV,WT
1,0,100,.,50
1,4,0,.,50
2,0,100,.,100
2,4,0,.,100
`);
    const sim = simulate(allometric, { data: two });
    [50, 100].forEach((wt, i) => expect(sim.outputs.CP[i]).toBeCloseTo((100 / v(wt)) * Math.exp((-cl(wt) / v(wt)) * 4), 12));
  });

  it("a weight given on EVID 2 rows only changes the parameters; missing cells keep the last value", () => {
    const sparse = readDataset(`ID,TIME,EVID,AMT,DV,WT
1,0,1,100,.,70
1,3,0,0,.,.
1,12,2,0,.,90
1,18,0,0,.,.
`);
    const sim = simulate(allometric, { data: sparse });
    expect(Array.from(sim.time)).toEqual([3, 18]);
    expect(sim.outputs.CP[0]).toBeCloseTo(amount(3, 12) / v(70), 12);
    expect(sim.outputs.CP[1]).toBeCloseTo(amount(18, 12) / v(90), 12);
  });
});

describe("covariate columns", () => {
  it("refuses a column that differs from the model's covariate only in case, instead of using the default weight", () => {
    // The model declares WT = 70 kg by default; a "wt" column of 35 kg would have been ignored.
    const lower = readDataset("ID,TIME,AMT,DV,wt\n1,0,100,.,35\n1,2,0,.,35\n");
    expect(() => simulate(allometric, { data: lower })).toThrow(
      "dataset column wt is not covariate WT of model pk1cmt_iv_allometric: covariate names are matched exactly, case included; rename the column WT",
    );
  });
});
