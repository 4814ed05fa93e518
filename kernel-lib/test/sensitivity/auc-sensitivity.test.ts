import { describe, expect, it } from "vitest";
import { aucSensitivity, SensitivityError } from "../../src/index.js";

/** AUC over [0, T] of a one-compartment oral model (Bateman), F = 1. */
function auc(p: { KA: number; CL: number; V: number }, D: number, T: number): number {
  const k = p.CL / p.V;
  return ((D * p.KA) / (p.V * (p.KA - k))) * ((1 - Math.exp(-k * T)) / k - (1 - Math.exp(-p.KA * T)) / p.KA);
}

describe("aucSensitivity", () => {
  it("∂AUC/∂θ of a one-compartment oral dose matches central differences of the closed form", () => {
    const p = { KA: 1.2, CL: 5, V: 40 };
    const s = aucSensitivity("pk1cmt_oral", { regimen: "100 mg", params: p }, { from: 0, to: 12 });
    expect(s.parameters).toEqual(["KA", "CL", "V"]);
    expect(s.auc).toBeCloseTo(auc(p, 100, 12), 10);
    for (const name of ["KA", "CL", "V"] as const) {
      const h = 1e-5 * p[name];
      const fd = (auc({ ...p, [name]: p[name] + h }, 100, 12) - auc({ ...p, [name]: p[name] - h }, 100, 12)) / (2 * h);
      expect(s.derivative[name]).toBeCloseTo(fd, 6);
      expect(s.normalised[name]).toBeCloseTo((fd * p[name]) / auc(p, 100, 12), 6);
    }
  });

  it("over a late window of an IV bolus, ∂AUC/∂CL follows (D/CL)(e^(−k·a) − e^(−k·b))", () => {
    const f = (cl: number) => (100 / cl) * (Math.exp((-cl / 25) * 4) - Math.exp((-cl / 25) * 20));
    const s = aucSensitivity("pk1cmt_iv", { regimen: "100 mg", params: { CL: 6, V: 25 } }, { from: 4, to: 20, parameters: ["CL"] });
    expect(s.auc).toBeCloseTo(f(6), 10);
    expect(s.derivative.CL).toBeCloseTo((f(6 + 1e-5) - f(6 - 1e-5)) / 2e-5, 6);
  });

  it("refuses dose modifiers and a bad interval", () => {
    expect(() => aucSensitivity("pk1cmt_oral", { regimen: "100 mg" }, { to: 12, parameters: ["F1"] })).toThrow(SensitivityError);
    expect(() => aucSensitivity("pk1cmt_oral", { regimen: "100 mg" }, { from: 5, to: 5 })).toThrow(/from < to/);
  });
});
