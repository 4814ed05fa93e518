import { describe, expect, test } from "vitest";
import { defineModel, getModel, localSensitivity, ModelError, parseModel, sensitivityName, sensitivitySystem, simulate } from "../../src/index.js";
import { ONE_CMT } from "../model/fixtures.js";

// The one-compartment model with its elimination written through max(), which has no derivative rule.
const clipped = parseModel(ONE_CMT.replace("$MODEL one", "$MODEL clipped").replace("-CL/V*central", "-CL/V*max(central, 0)"));

describe("sensitivitySystem", () => {
  test("augments states and outputs by parameter, stays linear for a linear model, and is cached", () => {
    const aug = sensitivitySystem(getModel("pk1cmt_oral"), ["CL", "V"]);
    expect(aug.compartments.map((c) => c.name)).toEqual(["depot", "central", "d_depot__d_CL", "d_central__d_CL", "d_depot__d_V", "d_central__d_V"]);
    expect(aug.compartments.map((c) => c.cmt)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(aug.outputs.map((o) => o.name)).toEqual(["CP", "d_CP__d_CL", "d_CP__d_V"]);
    expect(aug.linear).toBe(true);
    expect(sensitivitySystem(getModel("pk1cmt_oral"), ["CL", "V"])).toBe(aug);
  });

  test("state sensitivities of an IV bolus: ∂central/∂V = D·CL·t/V²·e^{−CL·t/V}", () => {
    const [CL, V] = [6, 25];
    const sim = simulate(sensitivitySystem(getModel("pk1cmt_iv"), ["V"]), { regimen: "100 mg", times: [1, 5] });
    const column = sim.states[sensitivityName("central", "V")];
    [1, 5].forEach((t, i) => expect(column[i]).toBeCloseTo(((100 * CL * t) / V ** 2) * Math.exp((-CL / V) * t), 12));
  });

  test("a model without equation text is refused with the reason", () => {
    const model = defineModel({
      name: "iv", parameters: { CL: { value: 6, unit: "L/h" }, V: { value: 25, unit: "L" } },
      compartments: { central: { unit: "mg" } }, odes: { central: "-CL/V*central" }, outputs: { CP: { expr: "central/V", unit: "mg/L" } },
    });
    expect(() => sensitivitySystem(model, ["CL"])).toThrow(
      new ModelError("model iv has no equation text (it was built with defineModel), so its sensitivity equations cannot be derived; use finite differences"),
    );
  });

  test("min and max cannot be differentiated: refused, and localSensitivity falls back to differences", () => {
    expect(() => sensitivitySystem(clipped, ["CL"])).toThrow(
      new ModelError("model clipped uses a function mathjs cannot differentiate (min or max), so its sensitivity equations cannot be derived; use finite differences"),
    );
    const s = localSensitivity(clipped, { regimen: "100 mg", times: [2] }, { parameters: ["CL"] });
    expect(s.methods.CL).toBe("finite-difference");
    expect(s.normalised.CL[0]).toBeCloseTo((-6 * 2) / 25, 6);
  });

  test("an unknown parameter is named", () => {
    expect(() => sensitivitySystem(getModel("pk1cmt_iv"), ["K"])).toThrow(new ModelError('unknown parameter "K" for model pk1cmt_iv; known: CL, V, F1, ALAG1'));
  });
});
