import { describe, expect, it } from "vitest";
import { defineModel, parseModel, type Model } from "../../src/model/index.js";
import { BRIEF_EXAMPLE, MICHAELIS_MENTEN, TMDD, seeded } from "./fixtures.js";

/** Central differences of the rhs, column by column (written here, independent of the compiler). */
function finiteDifference(model: Model, t: number, y: Float64Array, p: Float64Array): Float64Array {
  const n = y.length;
  const jac = new Float64Array(n * n);
  const [up, down] = [new Float64Array(n), new Float64Array(n)];
  for (let j = 0; j < n; j++) {
    const h = 1e-5 * Math.max(1, Math.abs(y[j]));
    const shifted = Float64Array.from(y);
    shifted[j] = y[j] + h;
    model.rhs(t, shifted, p, up);
    shifted[j] = y[j] - h;
    model.rhs(t, shifted, p, down);
    for (let i = 0; i < n; i++) jac[i * n + j] = (up[i] - down[i]) / (2 * h);
  }
  return jac;
}

function expectJacobianMatchesDifferences(model: Model, draw: (random: () => number) => { y: number[]; p: number[] }, seed: number) {
  const random = seeded(seed);
  const n = model.compartments.length;
  const jac = new Float64Array(n * n);
  for (let trial = 0; trial < 30; trial++) {
    const { y, p } = draw(random);
    const [yv, pv] = [Float64Array.from(y), Float64Array.from(p)];
    model.jacobian(0, yv, pv, jac);
    const reference = finiteDifference(model, 0, yv, pv);
    for (let k = 0; k < n * n; k++) {
      expect(Math.abs(jac[k] - reference[k]), `entry ${k}`).toBeLessThan(1e-6 * Math.max(1, Math.abs(reference[k])));
    }
  }
}

describe("the symbolic Jacobian", () => {
  it("equals central differences of the rhs for Michaelis–Menten elimination", () => {
    expectJacobianMatchesDifferences(parseModel(MICHAELIS_MENTEN), (r) => ({ y: [200 * r()], p: [5 + 10 * r(), 0.5 + 5 * r(), 5 + 30 * r(), r()] }), 3);
  });

  it("equals central differences of the rhs for target-mediated drug disposition (binding)", () => {
    const tmdd = parseModel(TMDD);
    expectJacobianMatchesDifferences(
      tmdd,
      (r) => ({ y: [100 * r(), 5 * r(), 5 * r()], p: [1 + 5 * r(), 0.2 * r(), 2 * r(), r(), 0.2 * r(), r(), 0.5 * r()] }),
      4,
    );
    expect(tmdd.generated?.jacobian).not.toContain("finite differences");
  });

  it("is written row-major with structural zeros as 0", () => {
    const model = parseModel(BRIEF_EXAMPLE);
    const jac = new Float64Array(9).fill(NaN);
    const [ka, cl, v1, q, v2] = [1.1, 6, 25, 3, 50];
    model.jacobian(0, new Float64Array(3), Float64Array.of(ka, cl, v1, q, v2, 1, 0, 70), jac);
    const expected = [-ka, 0, 0, ka, -(cl + q) / v1, q / v2, 0, q / v1, -q / v2];
    expected.forEach((value, k) => expect(jac[k]).toBeCloseTo(value, 14));
    expect(model.generated?.jacobian).toContain("jac[1] = 0;");
  });

  it("falls back to central differences for min and max, which have no derivative rule", () => {
    const capped = defineModel({
      name: "capped",
      parameters: { K: { value: 0.3, unit: "1/h" }, RMAX: { value: 5, unit: "mg/h" } },
      compartments: { A: { unit: "mg" } },
      odes: { A: "-min(K*A, RMAX)" },
    });
    const jac = new Float64Array(1);
    capped.jacobian(0, Float64Array.of(10), Float64Array.of(0.3, 5), jac);
    expect(jac[0]).toBeCloseTo(-0.3, 6);
    capped.jacobian(0, Float64Array.of(100), Float64Array.of(0.3, 5), jac);
    expect(jac[0]).toBeCloseTo(0, 6);
    expect(capped.linear).toBe(false);
  });
});

describe("linear detection", () => {
  it("marks the two-compartment PK model linear", () => {
    expect(parseModel(BRIEF_EXAMPLE).linear).toBe(true);
  });

  it("marks Michaelis–Menten elimination nonlinear", () => {
    expect(parseModel(MICHAELIS_MENTEN.replace("KIN - ", "-")).linear).toBe(false);
  });

  it("marks a first-order model with a constant input (KIN) not linear-homogeneous", () => {
    const withInput = MICHAELIS_MENTEN.replace("KIN - VMAX*C/(KM + C)", "KIN - VMAX/KM*C");
    expect(parseModel(withInput).linear).toBe(false);
    expect(parseModel(withInput.replace("KIN - ", "-")).linear).toBe(true);
  });

  it("marks a model whose rate depends on t not linear", () => {
    expect(parseModel(BRIEF_EXAMPLE.replace("d/dt(depot) = -KA*depot", "d/dt(depot) = -KA*depot*exp(-KA*t)")).linear).toBe(false);
  });

  it("marks binding (TMDD) nonlinear", () => {
    expect(parseModel(TMDD).linear).toBe(false);
  });
});
