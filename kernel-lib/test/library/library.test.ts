import { describe, expect, it } from "vitest";
import { getModel, listModels, modelSource } from "../../src/library/index.js";

const NAMES = [
  "pk1cmt_iv", "pk1cmt_oral", "pk2cmt_iv", "pk2cmt_oral", "pk3cmt_iv", "pk3cmt_oral",
  "emax", "sigmoid_emax", "effect_cmt", "idr1", "idr2", "idr3", "idr4", "tmdd", "simeoni", "friberg", "pk2cmt_idr",
];

const defaults = (name: string) => Float64Array.from(getModel(name).parameters, (q) => q.value);

describe("the built-in model library", () => {
  it("lists every model with a description and a reference", () => {
    const list = listModels();
    expect(list.map((m) => m.name)).toEqual(NAMES);
    for (const m of list) {
      expect(m.description.length).toBeGreaterThan(10);
      expect(m.reference).toMatch(/\d{4}/);
    }
  });

  it("names an unknown model and lists the known ones", () => {
    expect(() => getModel("pk9cmt")).toThrow(/unknown model "pk9cmt"; known models: pk1cmt_iv, pk1cmt_oral/);
  });

  it("gives every compartment, parameter and output a unit", () => {
    for (const name of NAMES) {
      const m = getModel(name);
      for (const item of [...m.parameters, ...m.compartments, ...m.outputs]) expect(item.unit, `${name}.${item.name}`).not.toBe("");
      expect(modelSource(name)).toContain(`$MODEL ${name}`);
    }
  });

  it("follows the DESIGN.md PK contract: names, CMT order, F1 and ALAG1, output CP", () => {
    const contract: Record<string, [string[], string[]]> = {
      pk1cmt_iv: [["central"], ["CL", "V"]],
      pk1cmt_oral: [["depot", "central"], ["KA", "CL", "V"]],
      pk2cmt_iv: [["central", "periph"], ["CL", "V1", "Q", "V2"]],
      pk2cmt_oral: [["depot", "central", "periph"], ["KA", "CL", "V1", "Q", "V2"]],
      pk3cmt_iv: [["central", "periph1", "periph2"], ["CL", "V1", "Q2", "V2", "Q3", "V3"]],
    };
    for (const [name, [cmts, params]] of Object.entries(contract)) {
      const m = getModel(name);
      expect(m.compartments.map((c) => c.name)).toEqual(cmts);
      expect(m.parameters.map((q) => q.name)).toEqual([...params, "F1", "ALAG1"]);
      expect(m.outputs[0]).toMatchObject({ name: "CP", unit: "mg/L" });
      expect(m.linear).toBe(true);
    }
  });

  it("writes the one-compartment IV equation as -CL/V·central", () => {
    const m = getModel("pk1cmt_iv");
    const dydt = new Float64Array(1);
    m.rhs(0, Float64Array.of(120), Float64Array.of(6, 25, 1, 0), dydt);
    expect(dydt[0]).toBeCloseTo((-6 / 25) * 120, 12);
  });

  it("keeps every PD/QSP model at its baseline when no drug is given", () => {
    for (const name of ["effect_cmt", "idr1", "idr2", "idr3", "idr4", "tmdd", "simeoni", "friberg", "pk2cmt_idr", "emax", "sigmoid_emax"]) {
      const m = getModel(name);
      const p = defaults(name);
      const y0 = new Float64Array(m.compartments.length);
      m.init(p, y0);
      const dydt = new Float64Array(y0.length);
      m.rhs(0, y0, p, dydt);
      // Simeoni's tumour grows without drug; everything else is at steady state.
      const moving = name === "simeoni" ? [1] : [];
      dydt.forEach((d, i) => {
        if (!moving.includes(i)) expect(Math.abs(d), `${name} d/dt(${m.compartments[i].name})`).toBeLessThan(1e-12);
      });
    }
  });

  it("starts the turnover models at the baselines their default parameters give (R0 = KIN/KOUT, R0, CIRC0)", () => {
    const y = (name: string) => {
      const m = getModel(name);
      const y0 = new Float64Array(m.compartments.length);
      m.init(defaults(name), y0);
      return y0;
    };
    expect(y("idr1")[2]).toBe(10 / 0.5); // R0 = KIN/KOUT
    expect(y("tmdd")[1]).toBe(2); // R0
    expect(Array.from(y("friberg").subarray(1))).toEqual([5, 5, 5, 5, 5]); // CIRC0 everywhere
  });

  it("grows an untreated Simeoni tumour at LAMBDA0 while small", () => {
    const m = getModel("simeoni");
    const p = defaults("simeoni");
    const dydt = new Float64Array(5);
    m.rhs(0, Float64Array.of(0, 0.05, 0, 0, 0), p, dydt);
    // (LAMBDA0/LAMBDA1·W)^20 is ~1e-30 at W = 0.05 g: growth is purely exponential.
    expect(dydt[1] / 0.05).toBeCloseTo(0.273, 10);
    m.rhs(0, Float64Array.of(0, 10, 0, 0, 0), p, dydt);
    expect(dydt[1]).toBeCloseTo(0.814, 6); // large tumour: linear growth LAMBDA1
  });

  it("gives the Emax effect E0 + EMAX/2 at CP = EC50", () => {
    const m = getModel("emax");
    const p = defaults("emax");
    const out = new Float64Array(2);
    m.output(0, Float64Array.of(0, 2 * 25), p, out); // central 50 mg in 25 L = 2 mg/L = EC50
    expect(out[0]).toBe(2);
    expect(out[1]).toBeCloseTo(50, 12);
  });
});
