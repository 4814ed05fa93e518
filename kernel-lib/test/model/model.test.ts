import { describe, expect, it } from "vitest";
import { checkParameters, defineModel, parseModel } from "../../src/model/index.js";

const TWO_CMT = `# the brief's example
$MODEL pk2cmt_oral_test
$DESCRIPTION Two-compartment model with first-order absorption
$REFERENCE Gabrielsson J, Weiner D. Pharmacokinetic and Pharmacodynamic Data Analysis, 5th ed. 2016.
$TIME h
$PARAMETERS
KA = 1.1 : 1/h : absorption rate constant
CL = 6 : L/h : clearance
V1 = 25 : L : central volume
Q = 3 : L/h : inter-compartmental clearance
V2 = 50 : L : peripheral volume
F1 = 1 : 1 : bioavailability
WTREF = 70 : kg : reference weight
$COVARIATES
WT = 70 : kg : body weight
$COMPARTMENTS
depot : mg : absorption depot
central : mg : central compartment
periph : mg : peripheral compartment
$DERIVED
K10 = CL/V1*(WT/WTREF)^0.75
$ODE
d/dt(depot) = -KA*depot
d/dt(central) = KA*depot - K10*central - Q/V1*central + Q/V2*periph
d/dt(periph) = Q/V1*central - Q/V2*periph
$OUTPUTS
CP = central/V1 : mg/L : plasma concentration
`;

const MM = `$MODEL mm
$DESCRIPTION Michaelis-Menten elimination
$REFERENCE textbook
$PARAMETERS
VMAX = 10 : mg/h : maximum elimination rate
KM = 2 : mg/L : Michaelis constant
V = 20 : L : volume
KIN = 0 : mg/h : constant input
$COMPARTMENTS
central : mg : amount
$ODE
d/dt(central) = KIN - VMAX*(central/V)/(KM + central/V)
$OUTPUTS
CP = central/V : mg/L : concentration
`;

/** Seeded LCG so failures reproduce. */
function rng(seed: number) {
  return () => ((seed = (seed * 1664525 + 1013904223) >>> 0) + 0.5) / 4294967296;
}

describe("parseModel", () => {
  const model = parseModel(TWO_CMT);

  it("reads names, values, units and NONMEM compartment numbers", () => {
    expect(model.name).toBe("pk2cmt_oral_test");
    expect(model.parameters.map((q) => [q.name, q.value, q.unit])).toEqual([
      ["KA", 1.1, "1/h"], ["CL", 6, "L/h"], ["V1", 25, "L"], ["Q", 3, "L/h"], ["V2", 50, "L"], ["F1", 1, "1"], ["WTREF", 70, "kg"],
    ]);
    expect(model.compartments.map((c) => [c.name, c.cmt])).toEqual([["depot", 1], ["central", 2], ["periph", 3]]);
    expect(model.covariates).toEqual(["WT"]);
    expect(model.outputs[0]).toMatchObject({ name: "CP", unit: "mg/L" });
  });

  it("generates a right-hand side equal to the hand-written derivative", () => {
    const r = rng(1);
    const dydt = new Float64Array(3);
    for (let trial = 0; trial < 20; trial++) {
      const [ka, cl, v1, q, v2, wt] = [r() * 2, r() * 10, 10 + r() * 50, r() * 5, 20 + r() * 80, 40 + r() * 60];
      const y = Float64Array.of(r() * 100, r() * 100, r() * 100);
      model.rhs(0, y, Float64Array.of(ka, cl, v1, q, v2, 1, 70, wt), dydt);
      const k10 = (cl / v1) * Math.pow(wt / 70, 0.75);
      expect(dydt[0]).toBeCloseTo(-ka * y[0], 10);
      expect(dydt[1]).toBeCloseTo(ka * y[0] - k10 * y[1] - (q / v1) * y[1] + (q / v2) * y[2], 10);
      expect(dydt[2]).toBeCloseTo((q / v1) * y[1] - (q / v2) * y[2], 10);
    }
  });

  it("gives a symbolic Jacobian equal to central finite differences of the rhs", () => {
    const mm = parseModel(MM);
    const r = rng(7);
    const jac = new Float64Array(1);
    const fp = new Float64Array(1);
    const fm = new Float64Array(1);
    for (let trial = 0; trial < 20; trial++) {
      const p = Float64Array.of(5 + r() * 10, 0.5 + r() * 5, 5 + r() * 30, r());
      const y = Float64Array.of(r() * 200);
      mm.jacobian(0, y, p, jac);
      const h = 1e-4;
      mm.rhs(0, Float64Array.of(y[0] + h), p, fp);
      mm.rhs(0, Float64Array.of(y[0] - h), p, fm);
      expect(jac[0]).toBeCloseTo((fp[0] - fm[0]) / (2 * h), 6);
    }
  });

  it("detects linear models and rejects nonlinear ones or constant inputs", () => {
    expect(model.linear).toBe(true);
    expect(parseModel(MM).linear).toBe(false);
    const withInput = MM.replace("KIN - VMAX*(central/V)/(KM + central/V)", "KIN - VMAX/KM/V*central");
    expect(parseModel(withInput).linear).toBe(false);
    expect(parseModel(withInput.replace("KIN - ", "-")).linear).toBe(true);
  });

  it("names the line, the equation and both units of a dimension mismatch", () => {
    const bad = TWO_CMT.replace("d/dt(depot) = -KA*depot", "d/dt(depot) = -CL*depot");
    expect(() => parseModel(bad)).toThrow(/line 23: d\/dt\(depot\) = -CL \* depot has unit \(L mg\) \/ h, expected mg \/ h/);
  });

  it("reports a scale mismatch (mg against ug) instead of a silent factor of 1000", () => {
    const bad = TWO_CMT.replace("CP = central/V1 : mg/L", "CP = central/V1 : ug/L");
    expect(() => parseModel(bad)).toThrow(/output CP = central \/ V1 has unit mg \/ L, which is 1000\.00 × the expected ug \/ L/);
  });

  it("rejects adding quantities of different units", () => {
    const bad = TWO_CMT.replace("K10 = CL/V1*(WT/WTREF)^0.75", "K10 = CL/V1 + WT");
    expect(() => parseModel(bad)).toThrow(/line 21: K10 = CL \/ V1 \+ WT: adds, subtracts or compares quantities of different units/);
  });

  it("names an unknown symbol, a duplicate name and a compartment without an equation", () => {
    expect(() => parseModel(TWO_CMT.replace("-KA*depot", "-KB*depot"))).toThrow(/line 23: d\/dt\(depot\) uses unknown symbol "KB"/);
    expect(() => parseModel(TWO_CMT.replace("Q = 3", "CL = 3"))).toThrow(/line 10: "CL" is declared twice \(first on line 8\)/);
    expect(() => parseModel(TWO_CMT.replace("d/dt(periph) = Q/V1*central - Q/V2*periph\n", ""))).toThrow(/compartment periph has no equation/);
    expect(() => parseModel(TWO_CMT.replace("$MODEL pk2cmt_oral_test\n", ""))).toThrow(/text before the first section|missing \$MODEL/);
  });

  it("builds the same model from a TypeScript object", () => {
    const object = defineModel({
      name: "mm",
      parameters: { VMAX: { value: 10, unit: "mg/h" }, KM: { value: 2, unit: "mg/L" }, V: { value: 20, unit: "L" }, KIN: { value: 0, unit: "mg/h" } },
      compartments: { central: { unit: "mg" } },
      odes: { central: "KIN - VMAX*(central/V)/(KM + central/V)" },
      outputs: { CP: { expr: "central/V", unit: "mg/L" } },
    });
    const text = parseModel(MM);
    const a = new Float64Array(1);
    const b = new Float64Array(1);
    const p = Float64Array.of(10, 2, 20, 0.3);
    object.rhs(0, Float64Array.of(33), p, a);
    text.rhs(0, Float64Array.of(33), p, b);
    expect(a[0]).toBe(b[0]);
    expect(a[0]).toBeCloseTo(0.3 - (10 * 1.65) / (2 + 1.65), 12);
  });

  it("computes initial states from $INIT", () => {
    const idr = parseModel(`$MODEL idr
$DESCRIPTION turnover
$REFERENCE Dayneka 1993
$PARAMETERS
KIN = 10 : 1/h : zero-order production
KOUT = 0.5 : 1/h : first-order loss
$COMPARTMENTS
R : 1 : response
$ODE
d/dt(R) = KIN - KOUT*R
$INIT
R(0) = KIN/KOUT
$OUTPUTS
RESP = R : 1 : response
`);
    const y0 = new Float64Array(1);
    idr.init(Float64Array.of(10, 0.5), y0);
    expect(y0[0]).toBe(20);
  });
});

describe("checkParameters", () => {
  const model = parseModel(TWO_CMT);
  it("rejects NaN naming the parameter", () => {
    expect(() => checkParameters(model, [NaN, 6, 25, 3, 50, 1, 70])).toThrow(/parameter KA = NaN 1\/h: every parameter needs a finite number/);
  });
  it("rejects a negative volume naming it", () => {
    expect(() => checkParameters(model, [1, 6, -5, 3, 50, 1, 70])).toThrow(/parameter V1 = -5 L: a volume must be positive/);
  });
  it("accepts valid values", () => {
    expect(() => checkParameters(model, [1, 6, 25, 3, 50, 1, 70])).not.toThrow();
  });
});
