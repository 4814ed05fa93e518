import { describe, expect, it } from "vitest";
import { dopri5, solve } from "../../src/ode/index.js";
import type { Rhs } from "../../src/ode/index.js";

/**
 * A chain of n transit compartments with one rate k, dose D in the first: compartment j
 * (from 0) holds D·(k·t)^j/j!·exp(−k·t) (an Erlang density times D/k).
 */
function transitChain(n: number) {
  const k = 2;
  const D = 100;
  const rhs: Rhs = (_t, y, _p, dy) => {
    dy[0] = -k * y[0];
    for (let j = 1; j < n; j++) dy[j] = k * (y[j - 1] - y[j]);
  };
  const exact = (t: number) => {
    const out: number[] = [];
    let term = D * Math.exp(-k * t);
    for (let j = 0; j < n; j++) {
      out.push(term);
      term *= (k * t) / (j + 1);
    }
    return out;
  };
  return { rhs, exact, y0: exact(0) };
}

// dopri5 generates its arithmetic per state count: unrolled up to 32 states, loops above.
describe.each([3, 32, 33, 40])("dopri5 with %i states", (n) => {
  it("matches the transit-chain solution to 1e-6 at rtol 1e-9", () => {
    const { rhs, exact, y0 } = transitChain(n);
    const saveat = Array.from({ length: 49 }, (_, i) => i / 2);
    const sol = solve({ rhs, y0, p: [], tspan: [0, 24], saveat }, dopri5(), { rtol: 1e-9, atol: 1e-12 });
    expect(sol.status).toBe("success");
    let worst = 0;
    sol.t.forEach((t, i) => {
      const want = exact(t);
      for (let j = 0; j < n; j++) {
        if (want[j] > 1e-3) worst = Math.max(worst, Math.abs(sol.y[j][i] / want[j] - 1));
      }
    });
    expect(worst).toBeLessThan(1e-6);
  });
});
