import { describe, expect, it } from "vitest";
import { auto, dopri5, rodas4, solve } from "../../src/ode/index.js";
import { bateman, decay, maxRelativeError, periodic, twoCompartmentBolus } from "./problems.js";

const algorithms = [dopri5(), rodas4(), auto()];
const problems = [decay, bateman, twoCompartmentBolus, periodic];

describe.each(algorithms)("$name against closed-form solutions", (algorithm) => {
  it.each(problems)("matches the $name solution to 1e-6 at rtol 1e-8", (problem) => {
    const sol = solve({ ...problem }, algorithm, { rtol: 1e-8, atol: 1e-12 });
    expect(sol.status).toBe("success");
    expect(sol.message).toBe("");
    expect(sol.algorithm).toBe(algorithm.name);
    expect(sol.t.length).toBe(101);
    expect(maxRelativeError(sol.t, sol.y, problem.exact, 1e-6)).toBeLessThan(1e-6);
  });

  it.each(problems)("matches the $name solution to 1e-4 with the default tolerances", (problem) => {
    const sol = solve({ ...problem }, algorithm);
    expect(sol.status).toBe("success");
    expect(maxRelativeError(sol.t, sol.y, problem.exact, 1e-3)).toBeLessThan(1e-4);
  });

  it("is accurate at output times between its steps (dense output)", () => {
    // 2000 irregular output times against a few dozen steps: almost all are interpolated.
    const saveat = Array.from({ length: 2000 }, (_, i) => 24 * Math.sqrt(i / 1999));
    const sol = solve({ ...bateman, saveat }, algorithm, { rtol: 1e-6, atol: 1e-9 });
    expect(sol.status).toBe("success");
    expect(sol.stats.steps).toBeLessThan(200);
    expect(maxRelativeError(sol.t, sol.y, bateman.exact, 1e-3)).toBeLessThan(2e-5);
  });
});

// Method: one fixed step of size h from the exact y0; the interpolant at t = 0.3·h then has
// only its own local error, O(h^(q+1)) for a continuous extension of order q.
describe.each([
  { algorithm: dopri5(), q: 4 },
  { algorithm: rodas4(), q: 3 },
])("dense output of $algorithm.name", ({ algorithm, q }) => {
  it(`is a continuous extension of order ${q}`, () => {
    const errors = [0.8, 0.4, 0.2, 0.1].map((h) => {
      const sol = solve({ ...decay, tspan: [0, h], saveat: [0.3 * h] }, algorithm, { adaptive: false, dt: h });
      return Math.abs(sol.y[0][0] - decay.exact(0.3 * h)[0]);
    });
    const orders = errors.slice(1).map((e, i) => Math.log2(errors[i] / e));
    for (const order of orders) expect(Math.abs(order - (q + 1))).toBeLessThan(0.3);
  });
});
