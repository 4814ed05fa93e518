import { describe, expect, it } from "vitest";
import { auto, dopri5, NO_OUTPUTS, rodas4 } from "../../src/ode/index.js";
import type { Rhs } from "../../src/ode/index.js";
import { bateman } from "./problems.js";

const p = Float64Array.from(bateman.p);

function collect(): { ks: number[]; states: number[][]; sink: (k: number, yk: Float64Array) => void } {
  const ks: number[] = [];
  const states: number[][] = [];
  return { ks, states, sink: (k, yk) => (ks.push(k), states.push(Array.from(yk))) };
}

describe.each([dopri5(), rodas4(), auto()])("$name integrator", (algorithm) => {
  it("emits exactly the output times inside [t0, t1], both ends included, in increasing k", () => {
    const integrator = algorithm.createIntegrator(2, bateman.rhs, bateman.jacobian);
    const times = [-1, 0, 0.5, 0.5, 1.25, 2, 3, 3.5];
    const out = collect();
    const y = Float64Array.from(bateman.y0);
    expect(integrator.advance(0, 3, y, p, { times, from: 0, to: times.length, sink: out.sink })).toBe("success");
    expect(out.ks).toEqual([1, 2, 3, 4, 5, 6]);
    out.ks.forEach((k, j) => {
      const exact = bateman.exact(times[k]);
      out.states[j].forEach((v, i) => expect(Math.abs(v - exact[i])).toBeLessThan(1e-4));
    });
    expect(out.states[0]).toEqual(bateman.y0);
  });

  it("hands the sink at t1 the exact end state left in y", () => {
    const integrator = algorithm.createIntegrator(2, bateman.rhs, bateman.jacobian);
    const out = collect();
    const y = Float64Array.from(bateman.y0);
    integrator.advance(0, 7.3, y, p, { times: [7.3], from: 0, to: 1, sink: out.sink });
    expect(out.states).toEqual([Array.from(y)]);
  });

  it("emits only the outputs in [from, to)", () => {
    const integrator = algorithm.createIntegrator(2, bateman.rhs, bateman.jacobian);
    const out = collect();
    integrator.advance(0, 10, Float64Array.from(bateman.y0), p, { times: [1, 2, 3, 4, 5], from: 1, to: 3, sink: out.sink });
    expect(out.ks).toEqual([1, 2]);
  });

  it("over an empty interval only emits the outputs at t0 and leaves y alone", () => {
    const integrator = algorithm.createIntegrator(2, bateman.rhs, bateman.jacobian);
    const out = collect();
    const y = Float64Array.of(3, 4);
    expect(integrator.advance(5, 5, y, p, { times: [4, 5, 5, 6], from: 0, to: 4, sink: out.sink })).toBe("success");
    expect(out.ks).toEqual([1, 2]);
    expect(Array.from(y)).toEqual([3, 4]);
    expect(integrator.stats.steps).toBe(0);
  });

  it("integrates a q12h regimen interval by interval, as the simulation engine does", () => {
    // 100 mg into the depot at 0, 12 and 24 h; the exact answer is a sum of Bateman terms.
    const integrator = algorithm.createIntegrator(2, bateman.rhs, bateman.jacobian, { rtol: 1e-8, atol: 1e-10 });
    const times = Array.from({ length: 37 }, (_, i) => i);
    const central = new Float64Array(37);
    const y = new Float64Array(2);
    for (let dose = 0; dose < 3; dose++) {
      y[0] += 100;
      const from = 12 * dose;
      const sink = (k: number, yk: Float64Array) => {
        central[k] = yk[1];
      };
      const status = integrator.advance(from, from + 12, y, p, { times, from, to: dose === 2 ? 37 : from + 12, sink });
      expect(status).toBe("success");
    }
    times.forEach((t) => {
      let exact = 0;
      for (let dose = 0; dose < 3 && 12 * dose <= t; dose++) exact += bateman.exact(t - 12 * dose)[1];
      expect(Math.abs(central[t] - exact)).toBeLessThan(1e-6 * exact + 1e-9);
    });
  });
});

describe.each([dopri5(), auto()])("$name", (algorithm) => {
  it("lands its last step on t1 and never evaluates the right-hand side beyond it", () => {
    let latest = -Infinity;
    const rhs: Rhs = (t, y, q, dy) => {
      latest = Math.max(latest, t);
      bateman.rhs(t, y, q, dy);
    };
    const integrator = algorithm.createIntegrator(2, rhs, undefined);
    const y = Float64Array.from(bateman.y0);
    for (const [t0, t1] of [[0, 0.001], [0.001, 0.7], [0.7, 11.3]]) {
      integrator.advance(t0, t1, y, p, NO_OUTPUTS);
      expect(latest).toBeLessThanOrEqual(t1);
    }
  });
});
