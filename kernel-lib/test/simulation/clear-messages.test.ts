import { describe, expect, it } from "vitest";
import { readDataset } from "../../src/data/index.js";
import { simulate } from "../../src/simulation/index.js";

// Issue 11: messages that blamed the wrong thing. Each case answers within 1 s.

describe("messages name the real problem", () => {
  it("rtol = 1e-300 is refused as below double precision, not reported as a NaN state", () => {
    const start = performance.now();
    expect(() => simulate("tmdd", { regimen: "1 mg", times: [1, 24] }, { method: "ode", rtol: 1e-300 })).toThrow(
      "solver option rtol = 1e-300 is below what double precision can resolve; use rtol ≥ 1e-14",
    );
    expect(performance.now() - start).toBeLessThan(1000);
  });

  // One interval that leaves the state unchanged is all the steady-state solver sees, for
  // II = 1e-300 h as for CL = 0 (zero-clearance.test.ts), so the message leads with the
  // interval it was given and names the other cause second.
  it("a steady-state dose with II = 1e-300 h is first called too short an interval", () => {
    const data = readDataset("ID,TIME,AMT,II,SS,EVID,DV\n1,0,100,1e-300,1,1,.\n1,1,0,0,0,0,.\n");
    const sim = simulate("pk1cmt_iv", { data });
    expect(sim.status).toBe("unstable");
    expect(sim.message).toMatch(/^ID 1: steady state at t = 0: no steady state can be computed for the dosing interval II = 1e-300: it is too short/);
  });
});
