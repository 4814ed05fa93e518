import { describe, expect, it } from "vitest";
import { getModel } from "../../src/library/index.js";
import { simulate } from "../../src/simulation/index.js";
import type { SimulationInput } from "../../src/simulation/index.js";

// The ODE solver at tight tolerances is the independent reference for the matrix-exponential
// closed form: two unrelated numerical routes must agree within 1e-6 relative.
const tight = { rtol: 1e-10, atol: 1e-12 };
const times = Array.from({ length: 97 }, (_, k) => k * 0.5);

function agree(name: string, input: SimulationInput): void {
  const model = getModel(name);
  const exact = simulate(model, { times, ...input }, { method: "closed-form" });
  const ode = simulate(model, { times, ...input }, { method: "ode", ...tight });
  expect(exact.status).toBe("success");
  expect(ode.status).toBe("success");
  expect(exact.method).toBe("closed-form");
  const a = exact.outputs.CP;
  const b = ode.outputs.CP;
  let peak = 0;
  for (let i = 0; i < a.length; i++) peak = Math.max(peak, a[i]);
  expect(peak).toBeGreaterThan(0);
  for (let i = 0; i < a.length; i++) {
    // Relative to the value, with an absolute floor far below the profile's scale.
    expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(1e-6 * Math.abs(a[i]) + 1e-9 * peak);
  }
}

const oral = ["pk1cmt_oral", "pk2cmt_oral", "pk3cmt_oral"];
const iv = ["pk1cmt_iv", "pk2cmt_iv", "pk3cmt_iv"];
const central = (name: string) => (name.endsWith("_oral") ? 2 : 1);

describe("closed form agrees with the ODE solver within 1e-6 relative", () => {
  for (const name of [...iv, ...oral]) {
    const c = central(name);
    it(`${name}: single bolus into CMT 1`, () => agree(name, { regimen: [{ time: 0, amount: 100, cmt: 1, rate: 0, ii: 0, addl: 0, ss: 0 }] }));
    it(`${name}: zero-order infusion into the central compartment`, () =>
      agree(name, { regimen: [{ time: 1, amount: 100, cmt: c, rate: 40, ii: 0, addl: 0, ss: 0 }] }));
    it(`${name}: multiple doses q12h with F1 and ALAG1`, () =>
      agree(name, { regimen: [{ time: 0, amount: 100, cmt: 1, rate: 0, ii: 12, addl: 3, ss: 0 }], params: { F1: 0.7, ALAG1: 0.8 } }));
    it(`${name}: steady state (SS=1) bolus q12h`, () =>
      agree(name, { regimen: [{ time: 0, amount: 100, cmt: 1, rate: 0, ii: 12, addl: 2, ss: 1 }] }));
    it(`${name}: steady state (SS=1) infusion q8h into the central compartment`, () =>
      agree(name, { regimen: [{ time: 0, amount: 100, cmt: c, rate: 50, ii: 8, addl: 2, ss: 1 }] }));
  }
});
