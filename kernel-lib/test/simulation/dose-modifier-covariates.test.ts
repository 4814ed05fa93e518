import { describe, expect, it } from "vitest";
import { getModel, parseModel, readDataset, simulate } from "../../src/index.js";
import { bateman, type OralDose } from "./bateman.js";

// pk1cmt_oral with its bioavailability and lag time moved from $PARAMETERS to $COVARIATES:
// the dataset gives them record by record, and each dose uses the values at its own record.
const MODEL = parseModel((getModel("pk1cmt_oral").source as string).replace(/^F1 = /m, "$COVARIATES\nF1 = "));
const P = { KA: 1.5, CL: 2, V: 20 };
const oral = (t: number, doses: OralDose[]) => bateman(t, doses, P);

const csv = (rows: string[]) => readDataset(["ID,TIME,EVID,AMT,CMT,RATE,ADDL,II,F1,ALAG1", ...rows].join("\n"));

describe("dose modifiers given as covariates", () => {
  it("each dose uses F1 and ALAG1 of its own record (LOCF), in closed form and with the ODE solver", () => {
    const data = csv(["1,0,1,100,1,0,0,0,0.5,0", "1,2,0,0,0,0,0,0,.,.", "1,12,1,100,1,0,0,0,0.8,1", "1,13.5,0,0,0,0,0,0,.,.", "1,20,0,0,0,0,0,0,.,."]);
    const doses = [
      { time: 0, amt: 100, f: 0.5, lag: 0 },
      { time: 12, amt: 100, f: 0.8, lag: 1 },
    ];
    expect(MODEL.covariates).toEqual(["F1", "ALAG1"]);
    for (const method of ["closed-form", "ode"] as const) {
      const sim = simulate(MODEL, { data, params: P }, { method, rtol: 1e-10, atol: 1e-12 });
      [2, 13.5, 20].forEach((t, k) => expect(sim.outputs.CP[k]).toBeCloseTo(oral(t, doses), 7));
    }
  });

  it("an infusion keeps its rate and lasts F·AMT/RATE with the F1 of its record", () => {
    // KA ≈ 0 keeps the depot's content: 100 mg at 50 mg/h with F1 0.25 stops after 0.5 h at 25 mg.
    const data = csv(["1,0,2,0,0,0,0,0,1,0", "1,1,1,100,1,50,0,0,0.25,0", "1,1.25,0,0,0,0,0,0,.,.", "1,3,0,0,0,0,0,0,.,."]);
    const sim = simulate(MODEL, { data, params: { ...P, KA: 1e-12 } });
    expect(sim.states.depot[0]).toBeCloseTo(12.5, 9);
    expect(sim.states.depot[1]).toBeCloseTo(25, 9);
  });

  it("the ADDL doses of a record share its F1, even after a later record changes F1", () => {
    const data = csv(["1,0,1,100,1,0,1,12,0.5,0", "1,6,2,0,0,0,0,0,1,0", "1,18,0,0,0,0,0,0,.,."]);
    const sim = simulate(MODEL, { data, params: P });
    const expected = oral(18, [
      { time: 0, amt: 100, f: 0.5 },
      { time: 12, amt: 100, f: 0.5 },
    ]);
    expect(sim.outputs.CP[0]).toBeCloseTo(expected, 9);
  });

  it("a dose record without F1 reads it by the covariate's interpolation rule: nocb or linear", () => {
    // F1 0.5 at 0 h and 1 at 20 h; the dose at 10 h gives none: nocb carries 1 back, linear gives 0.75.
    const data = csv(["1,0,1,100,1,0,0,0,0.5,0", "1,10,1,100,1,0,0,0,.,0", "1,14,0,0,0,0,0,0,.,.", "1,20,2,0,0,0,0,0,1,0"]);
    for (const [rule, f] of [["nocb", 1], ["linear", 0.75]] as const) {
      const sim = simulate(MODEL, { data, params: P }, { covariateInterpolation: { F1: rule }, rtol: 1e-10, atol: 1e-12 });
      const expected = oral(14, [
        { time: 0, amt: 100, f: 0.5 },
        { time: 10, amt: 100, f },
      ]);
      expect(sim.outputs.CP[0]).toBeCloseTo(expected, 7);
    }
  });

  it("refuses a negative F1 on a dose record, naming the subject and row", () => {
    const data = csv(["1,0,1,100,1,0,0,0,1,0", "1,12,1,100,1,0,0,0,-0.5,0", "1,13,0,0,0,0,0,0,.,."]);
    expect(() => simulate(MODEL, { data, params: P })).toThrow("ID 1, row 2: F1 = -0.5 must be a finite number ≥ 0");
  });
});
