import { describe, expect, it } from "vitest";
import { auto, dopri5, NO_OUTPUTS, rodas4, solve } from "../../src/ode/index.js";
import type { OdeProblem, Rhs, SolverOptions } from "../../src/ode/index.js";
import { decay, robertsonRhs } from "./problems.js";

const blowUp: Rhs = (_t, y, _p, dy) => {
  dy[0] = y[0] * y[0];
};
const oscillator: Rhs = (_t, y, _p, dy) => {
  dy[0] = y[1];
  dy[1] = -y[0];
};

describe.each([dopri5(), rodas4(), auto()])("$name guards", (algorithm) => {
  it("stops y' = y² (blow-up at t = 1) with a failure status and a message naming t and h", () => {
    const started = Date.now();
    const sol = solve({ rhs: blowUp, y0: [1], tspan: [0, 2] }, algorithm);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(sol.status).not.toBe("success");
    expect(["step-too-small", "unstable"]).toContain(sol.status);
    expect(sol.message).toMatch(/at t = (0\.99\d*|1)\b/);
    expect(sol.message).toMatch(/step size \d/);
    // Only outputs up to the blow-up are returned; those before it are exact to 1e-4.
    expect(sol.t.length).toBeLessThan(101);
    expect(sol.t[sol.t.length - 1]).toBeLessThanOrEqual(1);
    sol.t.forEach((t, j) => {
      if (t < 0.99) expect(Math.abs(sol.y[0][j] * (1 - t) - 1)).toBeLessThan(1e-4);
    });
  });

  it('ends with "max-steps" when maxSteps step attempts do not reach t1', () => {
    const sol = solve({ rhs: oscillator, y0: [1, 0], tspan: [0, 100] }, algorithm, { maxSteps: 20 });
    expect(sol.status).toBe("max-steps");
    expect(sol.message).toContain("maxSteps = 20");
    expect(sol.stats.steps + sol.stats.rejected).toBe(20);
  });

  it("clears the message of a failed advance at the next successful one", () => {
    const integrator = algorithm.createIntegrator(2, oscillator, undefined, { maxSteps: 20 });
    const y = Float64Array.of(1, 0);
    const p = new Float64Array(0);
    expect(integrator.advance(0, 100, y, p, NO_OUTPUTS)).toBe("max-steps");
    expect(integrator.message).not.toBe("");
    y.set([1, 0]);
    expect(integrator.advance(0, 0.1, y, p, NO_OUTPUTS)).toBe("success");
    expect(integrator.message).toBe("");
  });

  it('ends with "timeout" soon after maxWallMs', () => {
    const started = Date.now();
    const sol = solve({ rhs: oscillator, y0: [1, 0], tspan: [0, 1e7] }, algorithm, {
      rtol: 1e-10,
      atol: 1e-12,
      maxSteps: 1e9,
      maxWallMs: 20,
    });
    expect(sol.status).toBe("timeout");
    expect(sol.message).toContain("maxWallMs = 20 ms");
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('reports NaN from the right-hand side as "unstable"', () => {
    const nan: Rhs = (_t, y, _p, dy) => {
      dy[0] = Math.sqrt(-1 - y[0]);
    };
    const sol = solve({ rhs: nan, y0: [1], tspan: [0, 1] }, algorithm);
    expect(sol.status).toBe("unstable");
    expect(sol.message).toMatch(/NaN|not finite/);
  });
});

describe("the wall-clock budget", () => {
  it("runs from the first advance until resetClock()", () => {
    const integrator = dopri5().createIntegrator(2, oscillator, undefined, { maxWallMs: 30, rtol: 1e-10, atol: 1e-12 });
    const y = Float64Array.of(1, 0);
    const p = new Float64Array(0);
    expect(integrator.advance(0, 1, y, p, NO_OUTPUTS)).toBe("success");
    const until = Date.now() + 40;
    while (Date.now() < until) {
      // The budget keeps running between advance calls.
    }
    expect(integrator.advance(1, 1000, y, p, NO_OUTPUTS)).toBe("timeout");
    integrator.resetClock();
    y.set([1, 0]);
    expect(integrator.advance(0, 10, y, p, NO_OUTPUTS)).toBe("success");
    expect(integrator.message).toBe("");
  });
});

describe("misuse throws one clear error", () => {
  const ok: OdeProblem = { rhs: decay.rhs, y0: [1], tspan: [0, 1] };
  it.each<[string, OdeProblem, SolverOptions | undefined, string]>([
    ["a NaN in y0", { ...ok, y0: [1, NaN] }, undefined, "problem.y0[1] is NaN"],
    ["an empty y0", { ...ok, y0: [] }, undefined, "problem.y0 is empty"],
    ["a NaN in p", { ...ok, p: [NaN] }, undefined, "problem.p[0] is NaN"],
    ["an infinite p", { ...ok, p: [1, Infinity] }, undefined, "problem.p[1] is Infinity"],
    ["t1 = t0", { ...ok, tspan: [1, 1] }, undefined, "t0 < t1 (got [1, 1])"],
    ["t1 < t0", { ...ok, tspan: [2, 1] }, undefined, "t0 < t1 (got [2, 1])"],
    ["saveat outside tspan", { ...ok, saveat: [0, 2] }, undefined, "saveat[1] = 2 is outside tspan [0, 1]"],
    ["decreasing saveat", { ...ok, saveat: [0.5, 0.2] }, undefined, "non-decreasing"],
    ["rtol = 0", ok, { rtol: 0 }, "rtol must be a finite number > 0 (got 0)"],
    ["negative rtol", ok, { rtol: -1e-6 }, "rtol must be a finite number > 0 (got -0.000001)"],
    ["negative atol", ok, { atol: -1 }, "atol must be a finite number ≥ 0 (got -1)"],
    ["fractional maxSteps", ok, { maxSteps: 2.5 }, "maxSteps must be a whole number ≥ 1 (got 2.5)"],
    ["adaptive: false without dt", ok, { adaptive: false }, "set dt"],
  ])("for %s", (_what, problem, options, message) => {
    expect(() => solve(problem, dopri5(), options)).toThrow(message);
  });

  it("for a state of the wrong length in advance", () => {
    const integrator = rodas4().createIntegrator(3, robertsonRhs, undefined);
    expect(() => integrator.advance(0, 1, new Float64Array(2), new Float64Array(0), NO_OUTPUTS)).toThrow(
      "state y has length 2, the integrator was created for n = 3",
    );
  });

  it("for an interval that runs backwards in advance", () => {
    const integrator = auto().createIntegrator(1, decay.rhs, undefined);
    expect(() => integrator.advance(2, 1, new Float64Array(1), Float64Array.of(0.3), NO_OUTPUTS)).toThrow(
      "need finite t0 ≤ t1 (got t0 = 2, t1 = 1)",
    );
  });
});
