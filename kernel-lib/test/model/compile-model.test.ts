import { describe, expect, it } from "vitest";
import { defineModel, parseModel, type ModelDefinition } from "../../src/model/index.js";
import { BRIEF_EXAMPLE, MICHAELIS_MENTEN, ONE_CMT, seeded, thrown } from "./fixtures.js";

describe("generated model functions", () => {
  const model = parseModel(BRIEF_EXAMPLE);

  it("the right-hand side equals the hand-written two-compartment derivative at random points", () => {
    const random = seeded(1);
    const dydt = new Float64Array(3);
    for (let trial = 0; trial < 50; trial++) {
      const [ka, cl, v1, q, v2, wt] = [0.1 + 2 * random(), 1 + 10 * random(), 5 + 50 * random(), 5 * random(), 10 + 90 * random(), 40 + 60 * random()];
      const y = [100 * random(), 100 * random(), 100 * random()];
      model.rhs(24 * random(), Float64Array.from(y), Float64Array.of(ka, cl, v1, q, v2, 1, 0, wt), dydt);
      expect(dydt[0]).toBeCloseTo(-ka * y[0], 12);
      expect(dydt[1]).toBeCloseTo(ka * y[0] - (cl / v1) * y[1] - (q / v1) * y[1] + (q / v2) * y[2], 12);
      expect(dydt[2]).toBeCloseTo((q / v1) * y[1] - (q / v2) * y[2], 12);
    }
  });

  it("the outputs and initial state follow $OUTPUTS and $INIT", () => {
    const out = new Float64Array(1);
    model.output(0, Float64Array.of(3, 50, 7), Float64Array.of(1.1, 6, 25, 3, 50, 1, 0, 70), out);
    expect(out[0]).toBe(2);
    const turnover = parseModel(MICHAELIS_MENTEN.replace("$OUTPUTS", "$INIT\ncentral(0) = KIN/VMAX*KM*V\n$OUTPUTS"));
    const y0 = Float64Array.of(99);
    turnover.init(Float64Array.of(10, 2, 20, 0.5), y0);
    expect(y0[0]).toBeCloseTo((0.5 / 10) * 2 * 20, 14);
  });

  it("keeps the generated JavaScript: parameters read once into locals, derived values in order, no mathjs", () => {
    const rhs = model.generated?.rhs ?? "";
    expect(rhs).toContain("const v_KA = p[0];");
    expect(rhs).toContain("const v_WT = p[7];");
    expect(rhs).toContain("const v_K10 = (v_CL / v_V1);");
    expect(rhs.indexOf("v_K10 =")).toBeLessThan(rhs.indexOf("dydt[1]"));
    expect(rhs.match(/p\[2\]/g)).toHaveLength(1);
    expect(rhs).not.toMatch(/math|new |\[\]|\{/);
    expect(model.generated?.jacobian).toContain("jac[8] = ");
  });

  it("defineModel and parseModel of the same model give identical right-hand sides", () => {
    const definition: ModelDefinition = {
      name: "mm",
      description: "Michaelis-Menten elimination with a constant input",
      parameters: {
        VMAX: { value: 10, unit: "mg/h", label: "maximum elimination rate" },
        KM: { value: 2, unit: "mg/L", label: "Michaelis constant" },
        V: { value: 20, unit: "L", label: "volume" },
        KIN: { value: 0.5, unit: "mg/h", label: "constant input" },
      },
      compartments: { central: { unit: "mg", label: "amount" } },
      derived: { C: "central/V" },
      odes: { central: "KIN - VMAX*C/(KM + C)" },
      outputs: { CP: { expr: "C", unit: "mg/L", label: "concentration" } },
    };
    const fromObject = defineModel(definition);
    const fromText = parseModel(MICHAELIS_MENTEN);
    expect(fromObject.generated?.rhs).toBe(fromText.generated?.rhs);
    const random = seeded(2);
    const [a, b] = [new Float64Array(1), new Float64Array(1)];
    for (let trial = 0; trial < 20; trial++) {
      const p = Float64Array.of(5 + 10 * random(), 0.5 + 5 * random(), 5 + 30 * random(), random());
      const y = Float64Array.of(200 * random());
      fromObject.rhs(0, y, p, a);
      fromText.rhs(0, y, p, b);
      expect(a[0]).toBe(b[0]);
      const c = y[0] / p[2];
      expect(a[0]).toBeCloseTo(p[3] - (p[0] * c) / (p[1] + c), 12);
    }
    expect(fromObject.parameters).toEqual(fromText.parameters);
    expect(fromObject.linear).toBe(fromText.linear);
  });

  it("names an unknown symbol in an expression", () => {
    const error = thrown(() => parseModel(ONE_CMT.replace("-CL/V*central", "-CLL/V*central")));
    expect(error.message).toBe('line 9: d/dt(central) = -CLL/V*central: unknown symbol "CLL"');
    expect(error.section).toBe("ODE");
  });

  it("says when a derived quantity is used before it is defined", () => {
    const text = MICHAELIS_MENTEN.replace("C = central/V", "K = VMAX/C\nC = central/V");
    expect(() => parseModel(text)).toThrow('line 11: K = VMAX/C: unknown symbol "C" (derived quantities must be defined before they are used)');
  });

  it("names a compartment without d/dt, at the compartment's line", () => {
    const error = thrown(() => parseModel(BRIEF_EXAMPLE.replace("d/dt(periph) = Q/V1*central - Q/V2*periph\n", "")));
    expect(error.message).toBe("line 19: compartment periph has no equation d/dt(periph) = … in $ODE");
    expect(error.section).toBe("COMPARTMENTS");
  });

  it("names d/dt of something that is not a compartment", () => {
    expect(() => parseModel(ONE_CMT.replace("-CL/V*central", "-CL/V*central\nd/dt(centrl) = 0"))).toThrow(
      'line 10: d/dt(centrl): "centrl" is not a compartment (compartments: central)',
    );
  });

  it("rejects initial values that depend on the states", () => {
    expect(() => parseModel(MICHAELIS_MENTEN.replace("$OUTPUTS", "$INIT\ncentral(0) = C*V\n$OUTPUTS"))).toThrow(
      /line 15: central\(0\) = C\*V depends on central; initial values may use parameters/,
    );
  });

  it("reports errors of a TypeScript-object model by item, without a line", () => {
    const error = thrown(() =>
      defineModel({ name: "x", parameters: { K: { value: 1, unit: "1/h" } }, compartments: { A: { unit: "mg" } }, odes: { A: "-K*B" } }),
    );
    expect(error.message).toBe('d/dt(A) = -K*B: unknown symbol "B"');
    expect([error.line, error.section]).toEqual([undefined, "ODE"]);
    expect(() => defineModel({ name: "x", parameters: { t: { value: 1, unit: "h" } }, compartments: { A: { unit: "mg" } }, odes: { A: "0" } })).toThrow(
      'parameter name "t" is reserved',
    );
  });
});
