import * as globalMath from "mathjs";
import { describe, expect, it } from "vitest";
import { defineModel, parseModel } from "../../src/model/index.js";
import { BRIEF_EXAMPLE, MICHAELIS_MENTEN, ONE_CMT, TMDD, thrown } from "./fixtures.js";

describe("dimensional analysis", () => {
  it("names the line, the equation, the unit found and the unit expected of a dimension mismatch", () => {
    const error = thrown(() => parseModel(ONE_CMT.replace("-CL/V*central", "-CL*central")));
    expect(error.message).toBe("line 9: d/dt(central) = -CL*central has unit L*mg/h, expected mg/h (mg of central per h)");
    expect([error.line, error.section]).toEqual([9, "ODE"]);
  });

  it("names both terms' units when a sum mixes dimensions", () => {
    expect(() => parseModel(BRIEF_EXAMPLE.replace("- K10*central", "- CL*central"))).toThrow(
      "line 24: d/dt(central) = KA*depot - CL*central - Q/V1*central + Q/V2*periph: subtracts quantities of different dimensions: KA * depot has unit mg/h, CL * central has unit L*mg/h",
    );
  });

  it("reports a scale mismatch (mg against ug) instead of a silent factor of 1000", () => {
    expect(() => parseModel(ONE_CMT.replace("CP = central/V : mg/L", "CP = central/V : ug/L"))).toThrow(
      "line 11: output CP = central/V has unit mg/L, expected ug/L: the scales differ by a factor of 1000",
    );
    const zeroOrder = ONE_CMT.replace("CL = 6 : L/h", "R0 = 6 : ug/h").replace("-CL/V*central", "R0");
    expect(() => parseModel(zeroOrder)).toThrow("line 9: d/dt(central) = R0 has unit ug/h, expected mg/h (mg of central per h): the scales differ by a factor of 0.001");
    expect(() => parseModel(MICHAELIS_MENTEN.replace("KIN = 0.5 : mg/h", "KIN = 0.5 : ug/h"))).toThrow(
      /line 13: d\/dt\(central\) = KIN - VMAX\*C\/\(KM \+ C\): subtracts the same dimension in different units: KIN has unit ug\/h, .* has unit mg\/h/,
    );
  });

  it("checks rates against the unit of t: 1/h parameters in a model timed in days are off by 24", () => {
    expect(() => parseModel(ONE_CMT.replace("$PARAMETERS", "$TIME day\n$PARAMETERS"))).toThrow(
      "line 10: d/dt(central) = -CL/V*central has unit mg/h, expected mg/day (mg of central per day): the scales differ by a factor of 24",
    );
  });

  it("rejects exp or log of a quantity with a unit, and a non-dimensionless power of a scaled ratio", () => {
    expect(() => parseModel(BRIEF_EXAMPLE.replace("K10 = CL/V1", "K10 = CL/V1*exp(WT)"))).toThrow(
      "line 21: K10 = CL/V1*exp(WT): exp() needs a dimensionless argument of scale 1, but WT has a unit: kg",
    );
    expect(() => parseModel(BRIEF_EXAMPLE.replace("K10 = CL/V1", "K10 = CL/V1*log(V1)"))).toThrow(/log\(\) needs a dimensionless argument of scale 1, but V1 has a unit: L/);
    const grams = BRIEF_EXAMPLE.replace("WT = 70 : kg", "WT = 70000 : g").replace("ALAG1 = 0 : h : lag time of doses into compartment 1", "ALAG1 = 0 : h : lag\nWTREF = 70 : kg : reference weight");
    expect(() => parseModel(grams.replace("K10 = CL/V1", "K10 = CL/V1*(WT/WTREF)^0.75"))).toThrow(
      "line 22: K10 = CL/V1*(WT/WTREF)^0.75: the base of a power needs a dimensionless argument of scale 1, but (WT / WTREF) has no dimension but a scale factor: 1 (scaled by 0.001)",
    );
  });

  it("accepts allometry against a reference weight, Hill exponents, zero and plain-number initial values", () => {
    const text = BRIEF_EXAMPLE.replace("ALAG1 = 0 : h : lag time of doses into compartment 1", "ALAG1 = 0 : h : lag\nWTREF = 70 : kg : reference weight\nGAM = 2 : 1 : Hill\nEC50 = 1 : mg/L : potency")
      .replace("K10 = CL/V1", "K10 = CL/V1*(WT/WTREF)^0.75\nE = (central/V1)^GAM/(EC50^GAM + (central/V1)^GAM)")
      .replace("d/dt(periph) = Q/V1*central - Q/V2*periph", "d/dt(periph) = Q/V1*central*(1 - E) - Q/V2*periph + 0")
      .replace("central(0) = 0", "central(0) = 0\nperiph(0) = 5");
    const model = parseModel(text);
    expect(model.derived?.map((d) => d.unit)).toEqual(["1/h", "1"]);
  });

  it("understands molar concentrations, cell counts and IU", () => {
    expect(parseModel(TMDD).derived?.map((d) => [d.name, d.unit])).toEqual([["L", "nmol/L"], ["BIND", "nmol/(h*L)"]]);
    const cells = defineModel({
      name: "cells",
      parameters: { KOUT: { value: 0.1, unit: "1/h" }, BASE: { value: 5, unit: "Gcells/L" } },
      compartments: { N: { unit: "cells/nL" } },
      odes: { N: "KOUT*(BASE - N)" },
      init: { N: "BASE" },
      outputs: { ANC: { expr: "N", unit: "cells/nL" }, U: { expr: "N/BASE", unit: "1" } },
    });
    expect(cells.compartments[0].unit).toBe("cells/nL");
    expect(() => globalMath.unit(1, "cells/nL")).toThrow(/Unit "cells" not found/); // the global mathjs instance is untouched
    expect(() => defineModel({ name: "iu", parameters: { K: { value: 1, unit: "1/h" } }, compartments: { A: { unit: "mIU" } }, odes: { A: "-K*A" } })).not.toThrow();
  });

  it("names the item with an unknown unit", () => {
    expect(() => parseModel(ONE_CMT.replace("V = 25 : L", "V = 25 : litre_s"))).toThrow(/^line 5: parameter V: unknown unit "litre_s" \(units are mathjs unit strings/);
    expect(() => parseModel(ONE_CMT.replace("$PARAMETERS", "$TIME kg\n$PARAMETERS"))).toThrow("line 3: $TIME kg is not a unit of time");
  });

  it("checks initial values against the compartment's unit", () => {
    expect(() => parseModel(ONE_CMT.replace("$OUTPUTS", "$INIT\ncentral(0) = V\n$OUTPUTS"))).toThrow(
      "line 11: central(0) = V has unit L, expected mg (the unit of central)",
    );
  });
});
