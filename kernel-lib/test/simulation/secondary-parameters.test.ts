import { describe, expect, it } from "vitest";
import { secondaryParameters, simulate } from "../../src/index.js";

describe("secondary parameters of the built-in compartment models", () => {
  it("a hand-solved two-compartment case: k10 = k21 = 1, k12 = 0.5 /h gives α = 2, β = 0.5, A = 1/15, B = 1/30 per litre", () => {
    // V1 = 10 L, CL = k10·V1 = 10 L/h, Q = k12·V1 = 5 L/h, V2 = Q/k21 = 5 L.
    // α + β = k10 + k12 + k21 = 2.5, αβ = k10·k21 = 1 → α = 2, β = 0.5 (Gibaldi & Perrier 1982, eq. 2.66–2.67);
    // A = (α − k21)/(V1(α − β)) = 1/15, B = (k21 − β)/(V1(α − β)) = 1/30.
    const s = secondaryParameters("pk2cmt_iv", { CL: 10, V1: 10, Q: 5, V2: 5 }, { tau: 12, dose: 100 });
    expect(s.exponents[0]).toBeCloseTo(2, 12);
    expect(s.exponents[1]).toBeCloseTo(0.5, 12);
    expect(s.coefficients[0]).toBeCloseTo(1 / 15, 12);
    expect(s.coefficients[1]).toBeCloseTo(1 / 30, 12);
    expect(s.halfLives[1]).toBeCloseTo(Math.LN2 / 0.5, 12);
    expect(s.vss).toBe(15);
    expect(s.vz).toBeCloseTo(10 / 0.5, 12);
    expect(s.accumulation).toBeCloseTo(1 / (1 - Math.exp(-0.5 * 12)), 12);
    expect(s.cssAverage).toBeCloseTo(100 / (10 * 12), 12);
    expect(s.micro).toEqual({ k12: 0.5, k21: 1 });
  });

  it("the two-compartment macro-constants reproduce the simulated IV bolus curve", () => {
    const params = { CL: 5, V1: 50, Q: 2, V2: 100 };
    const s = secondaryParameters("pk2cmt_iv", params);
    const times = [0.5, 3, 10, 48, 200];
    const sim = simulate("pk2cmt_iv", { regimen: "100 mg", times, params });
    times.forEach((t, i) => expect(sim.outputs.CP[i]).toBeCloseTo(100 * s.coefficients.reduce((c, a, j) => c + a * Math.exp(-s.exponents[j] * t), 0), 10));
  });

  it("three compartments: α, β, γ and A, B, C reproduce the simulated curve; ΣA = 1/V1 and ΣA/λ = 1/CL", () => {
    const params = { CL: 5, V1: 20, Q2: 10, V2: 40, Q3: 2, V3: 100 };
    const s = secondaryParameters("pk3cmt_iv", params);
    expect(s.exponents).toHaveLength(3);
    expect(s.exponents[0]).toBeGreaterThan(s.exponents[1]);
    expect(s.exponents[1]).toBeGreaterThan(s.exponents[2]);
    expect(s.coefficients.reduce((a, b) => a + b, 0)).toBeCloseTo(1 / 20, 12);
    expect(s.coefficients.reduce((a, c, j) => a + c / s.exponents[j], 0)).toBeCloseTo(1 / 5, 10);
    const times = [0.25, 2, 12, 72, 400];
    const sim = simulate("pk3cmt_iv", { regimen: "100 mg", times, params });
    times.forEach((t, i) => expect(sim.outputs.CP[i]).toBeCloseTo(100 * s.coefficients.reduce((c, a, j) => c + a * Math.exp(-s.exponents[j] * t), 0), 10));
    expect(s.vss).toBe(160);
  });

  it("one-compartment oral: k10, the absorption half-life, and per-subject values from a simulation", () => {
    const s = secondaryParameters("pk1cmt_oral", { KA: 2, CL: 4, V: 40 }, { tau: 24 });
    expect(s.k10).toBeCloseTo(0.1, 14);
    expect(s.halfLives[0]).toBeCloseTo(Math.LN2 / 0.1, 12);
    expect(s.absorptionHalfLife).toBeCloseTo(Math.LN2 / 2, 14);
    expect(s.accumulation).toBeCloseTo(1 / (1 - Math.exp(-2.4)), 12);
    const sim = simulate("pk1cmt_oral", { regimen: "100 mg", times: [1], params: { KA: 2, V: 40 }, subjects: [{ CL: 4 }, { CL: 8 }] });
    expect(sim.secondaryParameters().map((p) => p.k10)).toEqual([0.1, 0.2]);
  });

  it("refuses a model that is not a built-in compartment model, naming the supported ones", () => {
    expect(() => secondaryParameters("tmdd")).toThrow(/pk1cmt_iv, pk1cmt_oral, pk2cmt_iv.*not tmdd/);
  });
});
