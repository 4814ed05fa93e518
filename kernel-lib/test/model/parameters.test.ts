import { describe, expect, it } from "vitest";
import { ParameterError, checkParameters, defineModel, parameterVector } from "../../src/model/index.js";
import { thrown } from "./fixtures.js";

const pk1cmt = defineModel({
  name: "pk1cmt_iv",
  parameters: {
    CL: { value: 6, unit: "L/h" },
    V: { value: 25, unit: "L" },
    F1: { value: 1, unit: "1" },
    ALAG1: { value: 0, unit: "h" },
    KE0: { value: 0.5, unit: "1/day" },
    VP: { value: 900, unit: "mL" },
  },
  covariates: { WT: { value: 70, unit: "kg" } },
  compartments: { central: { unit: "mg" } },
  odes: { central: "-CL/V*central" },
});

describe("checkParameters", () => {
  it("accepts valid values, a zero lag time and a NaN covariate (filled from data later)", () => {
    expect(() => checkParameters(pk1cmt, [6, 25, 0.5, 0, 0.5, 900, NaN])).not.toThrow();
  });

  it("rejects NaN and infinity, naming the parameter", () => {
    const error = thrown(() => checkParameters(pk1cmt, [NaN, 25, 1, 0, 0.5, 900]));
    expect(error).toBeInstanceOf(ParameterError);
    expect(error.message).toBe("parameter CL = NaN L/h: not a finite number (model pk1cmt_iv)");
    expect(() => checkParameters(pk1cmt, [6, 25, Infinity, 0, 0.5, 900])).toThrow("parameter F1 = Infinity: not a finite number");
  });

  it("rejects a negative volume", () => {
    expect(() => checkParameters(pk1cmt, [6, -5, 1, 0, 0.5, 900])).toThrow("parameter V = -5 L: a volume must be positive (model pk1cmt_iv)");
  });

  it("decides the kind of a parameter by the dimension of its unit, whatever the scale", () => {
    expect(() => checkParameters(pk1cmt, [6, 25, 1, 0, 0.5, 0])).toThrow("parameter VP = 0 mL: a volume must be positive");
    expect(() => checkParameters(pk1cmt, [-1, 25, 1, 0, 0.5, 900])).toThrow("parameter CL = -1 L/h: a clearance must not be negative");
    expect(() => checkParameters(pk1cmt, [6, 25, 1, 0, -0.1, 900])).toThrow("parameter KE0 = -0.1 1/day: a rate constant must not be negative");
    // docs/models.md forbids only negative clearances and rate constants: 0 switches a process off.
    expect(() => checkParameters(pk1cmt, [0, 25, 1, 0, 0, 900])).not.toThrow();
    expect(() => checkParameters(pk1cmt, [6, 25, 1, -1, 0.5, 900])).toThrow("parameter ALAG1 = -1 h: a time must not be negative");
  });

  it("rejects a vector too short for the parameters", () => {
    expect(() => checkParameters(pk1cmt, [6, 25])).toThrow("model pk1cmt_iv needs 6 parameter values (CL, V, F1, ALAG1, KE0, VP), got 2");
  });
});

describe("parameterVector", () => {
  it("fills the defaults of parameters then covariates and puts named values in their places", () => {
    expect([...parameterVector(pk1cmt)]).toEqual([6, 25, 1, 0, 0.5, 900, 70]);
    expect([...parameterVector(pk1cmt, { V: 40, WT: 82 })]).toEqual([6, 40, 1, 0, 0.5, 900, 82]);
  });

  it("rejects an unknown name, listing the known ones", () => {
    const error = thrown(() => parameterVector(pk1cmt, { CLL: 4 }));
    expect(error).toBeInstanceOf(ParameterError);
    expect(error.message).toBe('unknown parameter "CLL" for model pk1cmt_iv; known: CL, V, F1, ALAG1, KE0, VP, WT');
  });
});
