import { describe, expect, test } from "vitest";
import { defineModel, dopri5, getModel, localSensitivity, parseModel, readDataset, SensitivityError, simulate } from "../../src/index.js";

const DOSE = 100;
const TIMES = [0.5, 1, 2, 4, 8, 12, 24];

/** |a − b| ≤ tol·max(1, |b|) for every element. */
function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    expect(Math.abs(actual[i] - expected[i]), `element ${i}: ${actual[i]} vs ${expected[i]}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected[i])));
  }
}

describe("local sensitivities against closed forms", () => {
  test("pk1cmt_iv bolus: normalised sensitivities are −CL·t/V and −1 + CL·t/V", () => {
    const [CL, V] = [6, 25];
    const s = localSensitivity("pk1cmt_iv", { regimen: `${DOSE} mg`, times: TIMES }, { parameters: ["CL", "V"] });
    expect(s.methods).toEqual({ CL: "equations", V: "equations" });
    expectClose(s.value, TIMES.map((t) => (DOSE / V) * Math.exp((-CL / V) * t)), 1e-12);
    expectClose(s.normalised.CL, TIMES.map((t) => (-CL * t) / V), 1e-10);
    expectClose(s.normalised.V, TIMES.map((t) => -1 + (CL * t) / V), 1e-10);
    // The raw derivative ∂C/∂CL = −t/V·C.
    expectClose(s.derivative.CL, TIMES.map((t) => (-t / V) * (DOSE / V) * Math.exp((-CL / V) * t)), 1e-12);
  });

  test("pk1cmt_oral: derivatives of the Bateman function by KA, CL, V and F1", () => {
    const [KA, CL, V, F] = [1.3, 4, 30, 0.8];
    const k = CL / V;
    const A = (F * DOSE * KA) / (V * (KA - k));
    const E = (t: number) => Math.exp(-k * t) - Math.exp(-KA * t);
    const C = (t: number) => A * E(t);
    const dA_dKA = (-F * DOSE * k) / (V * (KA - k) ** 2);
    const dC_dKA = (t: number) => dA_dKA * E(t) + A * t * Math.exp(-KA * t);
    const dC_dk = (t: number) => ((F * DOSE * KA) / (V * (KA - k) ** 2)) * E(t) - A * t * Math.exp(-k * t);
    const dC_dCL = (t: number) => dC_dk(t) / V;
    const dC_dV = (t: number) => -C(t) / V + dC_dk(t) * (-CL / V ** 2);

    const s = localSensitivity("pk1cmt_oral", { regimen: `${DOSE} mg`, times: TIMES, params: { KA, CL, V, F1: F } }, { parameters: ["KA", "CL", "V", "F1"] });
    expect(s.methods).toEqual({ KA: "equations", CL: "equations", V: "equations", F1: "equations" });
    expectClose(s.derivative.KA, TIMES.map(dC_dKA), 1e-10);
    expectClose(s.derivative.CL, TIMES.map(dC_dCL), 1e-10);
    expectClose(s.derivative.V, TIMES.map(dC_dV), 1e-10);
    expectClose(s.normalised.KA, TIMES.map((t) => (dC_dKA(t) * KA) / C(t)), 1e-9);
    // C is proportional to F1: its normalised sensitivity is exactly 1 (a jump of AMT in ∂depot/∂F1 at the dose).
    expectClose(s.normalised.F1, TIMES.map(() => 1), 1e-10);
  });

  test("F1 of an infusion at a kept rate moves its end: ∂C/∂F1 = AMT/V·e^{−k(t−T)} after it, 0 during it", () => {
    // 100 mg at 50 mg/h with F1 = 0.8 runs for T = 0.8·100/50 = 1.6 h (NONMEM's rule).
    const [CL, V, F, T] = [6, 25, 0.8, 1.6];
    const times = [1, 2, 4, 8];
    const s = localSensitivity("pk1cmt_iv", { regimen: `${DOSE} mg over 2h`, times, params: { F1: F } }, { parameters: ["F1"] });
    expect(s.methods.F1).toBe("equations");
    expectClose(s.derivative.F1, times.map((t) => (t < T ? 0 : (DOSE / V) * Math.exp((-CL / V) * (t - T)))), 1e-12);
  });

  test("with a lag time: F1 by its dose jump, ALAG1 by finite differences (∂C/∂ALAG1 = −dC/dt)", () => {
    const [KA, CL, V, lag] = [1.1, 6, 25, 0.5];
    const k = CL / V;
    const A = (DOSE * KA) / (V * (KA - k));
    const times = TIMES.slice(1); // after the lag: C > 0 and smooth in ALAG1
    const dC_dt = (t: number) => A * (-k * Math.exp(-k * (t - lag)) + KA * Math.exp(-KA * (t - lag)));
    const s = localSensitivity("pk1cmt_oral", { regimen: `${DOSE} mg`, times, params: { ALAG1: lag } }, { parameters: ["F1", "ALAG1"] });
    expect(s.methods).toEqual({ F1: "equations", ALAG1: "finite-difference" });
    expectClose(s.normalised.F1, times.map(() => 1), 1e-10);
    expectClose(s.derivative.ALAG1, times.map((t) => -dC_dt(t)), 1e-6);
    // Without a fixed end the extra doses would stretch the default grid: F1 falls back to differences.
    const grid = localSensitivity("pk1cmt_oral", { regimen: `${DOSE} mg`, times: { start: 1 }, params: { ALAG1: lag } }, { parameters: ["F1"] });
    expect(grid.methods.F1).toBe("finite-difference");
  });

  test("with a dataset, F1 is differentiated by finite differences and still matches C ∝ F1", () => {
    const data = readDataset("ID,TIME,AMT,EVID,CMT,DV\n1,0,100,1,1,.\n1,1,.,0,2,.\n1,4,.,0,2,.\n");
    const s = localSensitivity("pk1cmt_oral", { data }, { parameters: ["KA", "F1"] });
    expect(s.methods).toEqual({ KA: "equations", F1: "finite-difference" });
    expectClose(s.normalised.F1, [1, 1], 1e-8);
  });

  test("multiple doses: superposed derivatives, in closed form and by the ODE solver", () => {
    const [CL, V] = [6, 25];
    const k = CL / V;
    const doses = [0, 12, 24];
    const times = [1, 6, 12, 13, 20, 24, 30, 48];
    const dC_dCL = (t: number) => doses.filter((td) => td <= t).reduce((sum, td) => sum + (-(t - td) / V) * (DOSE / V) * Math.exp(-k * (t - td)), 0);
    const input = { regimen: `${DOSE} mg q12h x 3`, times };
    const exact = localSensitivity("pk1cmt_iv", input, { parameters: ["CL"] });
    expectClose(exact.derivative.CL, times.map(dC_dCL), 1e-12);
    const ode = localSensitivity("pk1cmt_iv", input, { parameters: ["CL"], method: dopri5(), rtol: 1e-10, atol: 1e-14 });
    expectClose(ode.derivative.CL, times.map(dC_dCL), 1e-8);
  });

  test("steady state: the derivative of C_ss = D/V·e^{−kt}/(1 − e^{−kτ}) by CL, in closed form and by the ODE solver", () => {
    const [CL, V, tau] = [6, 25, 12];
    const k = CL / V;
    const times = [0.5, 3, 6, 11];
    const css = (t: number) => ((DOSE / V) * Math.exp(-k * t)) / (1 - Math.exp(-k * tau));
    const dC_dk = (t: number) => css(t) * (-t - (tau * Math.exp(-k * tau)) / (1 - Math.exp(-k * tau)));
    const input = { regimen: `${DOSE} mg q12h ss`, times };
    const exact = localSensitivity("pk1cmt_iv", input, { parameters: ["CL"] });
    expectClose(exact.value, times.map(css), 1e-12);
    expectClose(exact.derivative.CL, times.map((t) => dC_dk(t) / V), 1e-10);
    const ode = localSensitivity("pk1cmt_iv", input, { parameters: ["CL"], method: dopri5(), rtol: 1e-10, atol: 1e-14 });
    expectClose(ode.derivative.CL, times.map((t) => dC_dk(t) / V), 1e-7);
  });

  test("a parameter-dependent initial state: the response at baseline is KIN/KOUT", () => {
    const [KIN, KOUT] = [10, 0.5];
    const s = localSensitivity("idr1", { times: [0, 5, 10] }, { output: "RESP", parameters: ["KIN", "KOUT", "IC50"] });
    expectClose(s.derivative.KIN, [1 / KOUT, 1 / KOUT, 1 / KOUT], 1e-12);
    expectClose(s.derivative.KOUT, [-KIN / KOUT ** 2, -KIN / KOUT ** 2, -KIN / KOUT ** 2], 1e-12);
    expectClose(s.normalised.IC50, [0, 0, 0], 1e-12);
  });
});

describe("local sensitivities of nonlinear models against central finite differences", () => {
  const mm = parseModel(`
$MODEL mm1
$DESCRIPTION One-compartment IV model with Michaelis-Menten elimination
$PARAMETERS
VM = 10 : mg/h : maximum elimination rate
KM = 2 : mg/L : concentration at half VM
V = 20 : L : volume
$COMPARTMENTS
central : mg : central amount
$ODE
d/dt(central) = -VM*(central/V)/(KM + central/V)
$OUTPUTS
CP = central/V : mg/L : concentration
`);
  const tight = { method: dopri5(), rtol: 1e-12, atol: 1e-14 };
  /** (y(p + h) − y(p − h)) / 2h with a relative step 1e-4 and a tightly solved ODE. */
  function centralDifference(model: typeof mm, input: { regimen: string; times: number[] }, name: string, value: number, output = "CP"): number[] {
    const h = 1e-4 * value;
    const run = (x: number) => simulate(model, { ...input, params: { [name]: x } }, tight).outputs[output];
    const up = run(value + h);
    const down = run(value - h);
    return Array.from(up, (u, i) => (u - down[i]) / (2 * h));
  }

  test("Michaelis–Menten elimination, two doses: ∂C/∂VM, ∂C/∂KM, ∂C/∂V", () => {
    expect(mm.linear).toBe(false);
    const input = { regimen: "200 mg q8h x 2", times: [1, 4, 8, 9, 14, 20] };
    const s = localSensitivity(mm, input, { parameters: ["VM", "KM", "V"], rtol: 1e-10, atol: 1e-13 });
    expect(s.methods).toEqual({ VM: "equations", KM: "equations", V: "equations" });
    for (const [name, value] of [["VM", 10], ["KM", 2], ["V", 20]] as const) {
      expectClose(s.derivative[name], centralDifference(mm, input, name, value), 1e-6);
    }
  });

  test("indirect response idr1 after an oral dose: ∂RESP/∂IC50 and ∂RESP/∂KA", () => {
    const model = getModel("idr1");
    const input = { regimen: "500 mg", times: [2, 6, 12, 24] };
    const s = localSensitivity(model, input, { output: "RESP", parameters: ["IC50", "KA"], rtol: 1e-10, atol: 1e-13 });
    expectClose(s.derivative.IC50, centralDifference(model, input, "IC50", 2, "RESP"), 1e-6);
    expectClose(s.derivative.KA, centralDifference(model, input, "KA", 1.1, "RESP"), 1e-6);
  });

  test("a model built with defineModel (no equation text) falls back to finite differences", () => {
    const model = defineModel({
      name: "iv", description: "One-compartment IV bolus",
      parameters: { CL: { value: 6, unit: "L/h" }, V: { value: 25, unit: "L" } },
      compartments: { central: { unit: "mg" } },
      odes: { central: "-CL/V*central" },
      outputs: { CP: { expr: "central/V", unit: "mg/L" } },
    });
    const s = localSensitivity(model, { regimen: `${DOSE} mg`, times: TIMES });
    expect(s.methods).toEqual({ CL: "finite-difference", V: "finite-difference" });
    expectClose(s.normalised.CL, TIMES.map((t) => (-6 * t) / 25), 1e-7);
  });
});

describe("local sensitivity input errors", () => {
  const input = { regimen: `${DOSE} mg`, times: [1, 2] };

  test("an unknown parameter is named with the known ones", () => {
    expect(() => localSensitivity("pk1cmt_iv", input, { parameters: ["CLL"] })).toThrow(
      new SensitivityError('unknown parameter "CLL" for model pk1cmt_iv; known: CL, V, F1, ALAG1'),
    );
  });

  test("an unknown output is named with the model's outputs", () => {
    expect(() => localSensitivity("pk1cmt_iv", input, { output: "CC" })).toThrow(new SensitivityError('unknown output "CC" of model pk1cmt_iv; outputs: CP'));
  });

  test("an output of 0 cannot normalise: the time is named, and zeroOutput: nan opts out", () => {
    const oral = { regimen: `${DOSE} mg`, times: [0, 1] };
    expect(() => localSensitivity("pk1cmt_oral", oral, { parameters: ["KA"] })).toThrow(
      /output CP is 0 at t = 0 \(ID 1\), so its normalised sensitivity \(∂CP\/∂KA\)·\(KA\/CP\) is undefined there/,
    );
    const s = localSensitivity("pk1cmt_oral", oral, { parameters: ["KA"], zeroOutput: "nan" });
    expect(Number.isNaN(s.normalised.KA[0])).toBe(true);
    expect(s.derivative.KA[0]).toBe(0);
  });

  test("a lag time has no sensitivity equations", () => {
    expect(() => localSensitivity("pk1cmt_oral", input, { parameters: ["KA", "F1", "ALAG1"], derivative: "equations" })).toThrow(
      new SensitivityError(
        'ALAG1 changes the doses in a way the sensitivity equations do not follow (a lag time, or bioavailability with a dataset or steady state); use derivative: "auto" (finite differences for them)',
      ),
    );
  });
});
