import { describe, expect, it } from "vitest";
import { simulate } from "../../src/simulation/index.js";

// pk1cmt_iv defaults CL 6 L/h, V 25 L, so k = 0.24 /h. An infusion at R mg/h from t0 gives
// A(t) = R/k·(1 − e^{−k(t − t0)}) while it runs, and decays as e^{−k·Δ} after it stops.
const k = 6 / 25;
const running = (R: number, s: number) => (R / k) * (1 - Math.exp(-k * s));

describe("continuous infusions", () => {
  it('"10 mg/h" runs to the end of the simulation (closed form and ODE agree with R/k·(1 − e^{−kt}))', () => {
    const times = [0, 1, 10, 100];
    for (const method of ["closed-form", "ode"] as const) {
      const sim = simulate("pk1cmt_iv", { regimen: "10 mg/h", times }, { method, rtol: 1e-10, atol: 1e-12 });
      times.forEach((t, i) => expect(sim.states.central[i]).toBeCloseTo(running(10, t), 7));
    }
  });

  it('"10 mg/h for 24 h" stops after 24 h', () => {
    const sim = simulate("pk1cmt_iv", { regimen: "10 mg/h for 24 h", times: [24, 30] });
    expect(sim.states.central[0]).toBeCloseTo(running(10, 24), 10);
    expect(sim.states.central[1]).toBeCloseTo(running(10, 24) * Math.exp(-k * 6), 10);
  });

  it('"10 mg/h ss" starts at the steady state R/k = R·V/CL', () => {
    const sim = simulate("pk1cmt_iv", { regimen: "10 mg/h ss", times: [0, 50] });
    expect(sim.states.central[0]).toBeCloseTo(10 / k, 9);
    expect(sim.states.central[1]).toBeCloseTo(10 / k, 9);
  });

  it("F1 scales a continuous infusion's rate, and a start time delays it", () => {
    const sim = simulate("pk1cmt_iv", { regimen: "10 mg/h at 2 h", times: [1, 7], params: { F1: 0.5 } });
    expect(sim.states.central[0]).toBe(0);
    expect(sim.states.central[1]).toBeCloseTo(running(5, 5), 10);
  });

  it("ends the default grid 24 h after a continuous infusion starts", () => {
    const sim = simulate("pk1cmt_iv", { regimen: "10 mg/h" });
    expect(sim.time[sim.time.length - 1]).toBe(24);
  });
});
