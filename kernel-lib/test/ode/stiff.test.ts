import { describe, expect, it } from "vitest";
import { auto, dopri5, NO_OUTPUTS, rodas4, solve } from "../../src/ode/index.js";
import type { Jacobian } from "../../src/ode/index.js";
import { robertsonRhs } from "./problems.js";

/** Robertson at t = 40, published reference values (Hairer & Wanner, Solving ODEs II). */
const PUBLISHED_AT_40 = [0.7158270687193, 9.185534764e-6, 0.2841637457471];

const robertsonJacobian: Jacobian = (_t, y, _p, jac) => {
  jac[0] = -0.04;
  jac[1] = 1e4 * y[2];
  jac[2] = 1e4 * y[1];
  jac[3] = 0.04;
  jac[4] = -1e4 * y[2] - 6e7 * y[1];
  jac[5] = -1e4 * y[1];
  jac[6] = 0;
  jac[7] = 6e7 * y[1];
  jac[8] = 0;
};

const robertson = { rhs: robertsonRhs, y0: [1, 0, 0], tspan: [0, 40] as [number, number], saveat: [0, 40] };

describe("Robertson's stiff kinetics to t = 40", () => {
  it.each([
    { algorithm: rodas4(), jacobian: robertsonJacobian, how: "its Jacobian" },
    { algorithm: rodas4(), jacobian: undefined, how: "a finite-difference Jacobian" },
    { algorithm: auto(), jacobian: robertsonJacobian, how: "its Jacobian" },
    { algorithm: auto(), jacobian: undefined, how: "a finite-difference Jacobian" },
  ])("$algorithm.name with $how matches the published values to 1e-6 in under 500 steps", ({ algorithm, jacobian }) => {
    const sol = solve({ ...robertson, jacobian }, algorithm, { rtol: 1e-7, atol: 1e-13 });
    expect(sol.status).toBe("success");
    PUBLISHED_AT_40.forEach((ref, i) => expect(Math.abs(sol.y[i][1] / ref - 1)).toBeLessThan(1e-6));
    expect(sol.stats.steps + sol.stats.rejected).toBeLessThan(500);
    expect(sol.stats.jacobianEvals).toBeGreaterThan(0);
  });

  it("makes auto() switch to its stiff method and take most steps with it", () => {
    const sol = solve(robertson, auto(), { rtol: 1e-7, atol: 1e-13 });
    expect(sol.stats.switches).toBeGreaterThanOrEqual(1);
    expect(sol.stats.stiffSteps).toBeGreaterThan(sol.stats.steps / 2);
  });

  it("costs dopri5 alone many times the steps of auto()", () => {
    const explicit = solve(robertson, dopri5(), { rtol: 1e-7, atol: 1e-13 });
    const switching = solve(robertson, auto(), { rtol: 1e-7, atol: 1e-13 });
    expect(explicit.status).toBe("success");
    expect(explicit.stats.stiffSteps).toBe(0);
    expect(explicit.stats.steps).toBeGreaterThan(10 * switching.stats.steps);
  });

  it("uses the supplied Jacobian instead of finite differences", () => {
    let calls = 0;
    const counted: Jacobian = (t, y, p, jac) => {
      calls++;
      robertsonJacobian(t, y, p, jac);
    };
    const exact = solve({ ...robertson, jacobian: counted }, rodas4());
    const differenced = solve(robertson, rodas4());
    expect(calls).toBe(exact.stats.jacobianEvals);
    // Forward differences cost n = 3 extra right-hand side calls per Jacobian.
    const perJacobian = (differenced.stats.rhsEvals - 3 * differenced.stats.jacobianEvals) / differenced.stats.steps;
    expect(perJacobian).toBeCloseTo(exact.stats.rhsEvals / exact.stats.steps, 0);
  });
});

describe("auto() across advance calls", () => {
  it("keeps the stiff method from one dose interval to the next", () => {
    const integrator = auto().createIntegrator(3, robertsonRhs, robertsonJacobian, { rtol: 1e-6, atol: 1e-12 });
    const y = Float64Array.of(1, 0, 0);
    const p = new Float64Array(0);
    expect(integrator.advance(0, 1, y, p, NO_OUTPUTS)).toBe("success");
    const after1 = { ...integrator.stats };
    expect(after1.switches).toBe(1);
    expect(integrator.advance(1, 2, y, p, NO_OUTPUTS)).toBe("success");
    const after2 = integrator.stats;
    expect(after2.switches).toBe(1);
    // Every step of the second interval was a stiff one.
    expect(after2.steps - after1.steps).toBe((after2.stiffSteps ?? 0) - (after1.stiffSteps ?? 0));
    expect(after2.steps).toBeGreaterThan(after1.steps);
  });

  it("stays with dopri5 on a non-stiff PK model", () => {
    const pk = solve({
      rhs: (_t, y, _p, dy) => {
        dy[0] = -y[0];
        dy[1] = y[0] - 0.14 * y[1] + 0.02 * y[2];
        dy[2] = 0.04 * y[1] - 0.02 * y[2];
      },
      y0: [100, 0, 0],
      tspan: [0, 48],
    });
    expect(pk.status).toBe("success");
    expect(pk.stats.stiffSteps).toBe(0);
    expect(pk.stats.switches).toBe(0);
  });
});
