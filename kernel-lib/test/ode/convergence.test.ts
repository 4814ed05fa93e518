import { describe, expect, it } from "vitest";
import { dopri5, rodas4, solve } from "../../src/ode/index.js";
import { logistic } from "./problems.js";

// Method: fixed steps (adaptive: false) of h = 3/N on the logistic equation, N doubling;
// the observed order is log2(error(h)/error(h/2)) of the global error at t = 3.
describe.each([
  { algorithm: dopri5(), steps: [10, 20, 40, 80] },
  { algorithm: rodas4(), steps: [12, 24, 48, 96] },
])("$algorithm.name", ({ algorithm, steps }) => {
  it(`converges with its declared order ${algorithm.order} under step halving`, () => {
    const [t0, t1] = logistic.tspan;
    const exact = logistic.exact(t1)[0];
    const errors = steps.map((n) => {
      const sol = solve({ ...logistic, saveat: [t1] }, algorithm, { adaptive: false, dt: (t1 - t0) / n });
      expect(sol.status).toBe("success");
      expect(sol.stats.steps).toBe(n);
      return Math.abs(sol.y[0][0] - exact);
    });
    const orders = errors.slice(1).map((e, i) => Math.log2(errors[i] / e));
    // Pre-asymptotic at the coarsest steps, so the last ratio is held tighter.
    for (const order of orders) expect(Math.abs(order - algorithm.order)).toBeLessThan(0.35);
    expect(Math.abs(orders[orders.length - 1] - algorithm.order)).toBeLessThan(0.15);
  });
});
