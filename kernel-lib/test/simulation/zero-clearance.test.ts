import { describe, expect, it } from "vitest";
import { simulate } from "../../src/simulation/index.js";

// docs/models.md forbids negative clearances and rate constants, not zero: Q = 0 cuts the
// peripheral compartment off (a one-compartment model), CL = 0 stops elimination.
const methods = ["closed-form", "ode"] as const;

describe("clearances and rate constants of 0", () => {
  it("pk2cmt_iv with Q = 0 is the one-compartment closed form (100/V1)·e^{−(CL/V1)t}", () => {
    const times = [0, 1, 5, 20];
    for (const method of methods) {
      const sim = simulate("pk2cmt_iv", { regimen: "100 mg", times, params: { CL: 5, V1: 50, Q: 0, V2: 100 } }, { method, rtol: 1e-10, atol: 1e-12 });
      times.forEach((t, i) => expect(sim.outputs.CP[i]).toBeCloseTo((100 / 50) * Math.exp(-(5 / 50) * t), 9));
      expect(sim.states.periph.every((a) => a === 0)).toBe(true);
    }
  });

  it("pk2cmt_oral with Q = 0 is the Bateman function of the one-compartment oral model", () => {
    const [KA, CL, V] = [1, 5, 50];
    const k = CL / V;
    const bateman = (t: number) => ((100 * KA) / (V * (KA - k))) * (Math.exp(-k * t) - Math.exp(-KA * t));
    for (const method of methods) {
      const sim = simulate("pk2cmt_oral", { regimen: "100 mg", times: [1, 4, 12], params: { KA, CL, V1: V, Q: 0, V2: 100 } }, { method, rtol: 1e-10, atol: 1e-12 });
      [1, 4, 12].forEach((t, i) => expect(sim.outputs.CP[i]).toBeCloseTo(bateman(t), 9));
    }
  });

  it("CL = 0 keeps the whole dose in the body, and KA = 0 keeps it in the depot", () => {
    for (const method of methods) {
      const iv = simulate("pk2cmt_iv", { regimen: "100 mg", times: [50], params: { CL: 0 } }, { method, rtol: 1e-10, atol: 1e-12 });
      expect(iv.states.central[0] + iv.states.periph[0]).toBeCloseTo(100, 8);
      const oral = simulate("pk1cmt_oral", { regimen: "100 mg", times: [50], params: { KA: 0 } }, { method });
      expect(oral.states.depot[0]).toBe(100);
      expect(oral.states.central[0]).toBe(0);
    }
  });

  it("reports that CL = 0 has no steady state instead of returning numbers", () => {
    for (const method of methods) {
      const sim = simulate("pk1cmt_iv", { regimen: "100 mg q12h x 2 ss", times: [1], params: { CL: 0 } }, { method });
      expect(sim.status).toBe("unstable");
      expect(sim.message).toMatch(/the system does not eliminate the drug/);
      expect(sim.outputs.CP[0]).toBeNaN();
    }
  });

  it("still refuses negative clearances and a volume of 0", () => {
    expect(() => simulate("pk1cmt_iv", { regimen: "100 mg", times: [1], params: { CL: -1 } })).toThrow("parameter CL = -1 L/h: a clearance must not be negative");
    expect(() => simulate("pk1cmt_iv", { regimen: "100 mg", times: [1], params: { V: 0 } })).toThrow("parameter V = 0 L: a volume must be positive");
  });
});
