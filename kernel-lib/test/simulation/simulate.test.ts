import { describe, expect, it } from "vitest";
import { parseModel } from "../../src/model/index.js";
import { simulate, type SimulationInput } from "../../src/simulation/index.js";
import { bateman } from "./bateman.js";

describe("simulate", () => {
  it("gives the closed-form IV bolus values D/V·e^(−CL/V·t) for 600 mg, CL 6 L/h, V 25 L", () => {
    const sim = simulate("pk1cmt_iv", { regimen: "600 mg", times: [0, 3, 6, 9, 12], params: { CL: 6, V: 25 } });
    // 600/25·e^(−0.24·t) at t = 0, 3, 6, 9, 12 h, worked out by hand to 4 significant figures.
    const closedForm = [24.0, 11.68, 5.686, 2.768, 1.347];
    closedForm.forEach((c, i) => expect(Math.abs(sim.outputs.CP[i] - c) / c).toBeLessThan(5e-4));
  });

  it("gives the closed-form oral values (the Bateman function) with KA 1.1 /h", () => {
    const sim = simulate("pk1cmt_oral", { regimen: "600 mg", times: [0, 3, 6, 9, 12], params: { KA: 1.1, CL: 6, V: 25 } });
    // 600·1.1/(25·(1.1 − 0.24))·(e^(−0.24·t) − e^(−1.1·t)), worked out by hand to 4 significant figures.
    const closedForm = [0, 13.81, 7.231, 3.539, 1.723];
    expect(sim.outputs.CP[0]).toBe(0);
    closedForm.slice(1).forEach((c, i) => expect(Math.abs(sim.outputs.CP[i + 1] - c) / c).toBeLessThan(5e-4));
  });

  it("neither misses nor doubles a dose whose time coincides with an observation", () => {
    const k = 6 / 25;
    const sim = simulate("pk1cmt_iv", { regimen: "100 mg q12h x 3", times: [0, 11.999999, 12, 24, 36], params: { CL: 6, V: 25 } });
    const c = (t: number) => [0, 12, 24].filter((d) => d <= t).reduce((s, d) => s + 4 * Math.exp(-k * (t - d)), 0);
    [0, 11.999999, 12, 24, 36].forEach((t, i) => expect(sim.outputs.CP[i]).toBeCloseTo(c(t), 10));
  });

  it("simulates the same profile from the regimen text forms and the fluent doses", () => {
    const text = simulate("pk1cmt_oral", { regimen: "loading 400 mg then 200 mg q24h x 6", times: { end: 168, step: 6 } });
    const doses = [{ time: 0, amt: 400 }, ...Array.from({ length: 6 }, (_, d) => ({ time: 24 * (d + 1), amt: 200 }))];
    text.time.forEach((t, i) => expect(text.outputs.CP[i]).toBeCloseTo(bateman(t, doses, { KA: 1.1, CL: 6, V: 25 }), 9));
  });

  it("uses the closed form automatically for built-in linear models and the ODE solver otherwise", () => {
    expect(simulate("pk2cmt_oral", { regimen: "100 mg", times: [1] }).method).toBe("closed-form");
    expect(simulate("idr1", { regimen: "100 mg", times: [1] }).method).not.toBe("closed-form");
  });

  it("returns columns for every output and state and writes CSV with the outputs", () => {
    const sim = simulate("pk2cmt_oral", { regimen: "100 mg", times: [0, 1] });
    expect(Object.keys(sim.states)).toEqual(["depot", "central", "periph"]);
    expect(sim.toCSV().split("\n")[0]).toBe("ID,TIME,CP");
    expect(sim.toRows()[1].depot).toBeCloseTo(100 * Math.exp(-1), 10);
  });

  it("records only the columns named in `record`", () => {
    const sim = simulate("pk2cmt_oral", { regimen: "100 mg", times: [0, 1] }, { record: ["depot"] });
    expect(Object.keys(sim.outputs)).toEqual([]);
    expect(Object.keys(sim.states)).toEqual(["depot"]);
    expect(sim.states.depot[1]).toBeCloseTo(100 * Math.exp(-1), 10);
    expect(() => sim.column("CP")).toThrow(/no column "CP".*columns: depot/);
  });

  it("runs one subject per entry of `subjects`", () => {
    const sim = simulate("pk1cmt_iv", { regimen: "100 mg", times: [0], subjects: [{ V: 10 }, { V: 20 }] });
    expect(Array.from(sim.id)).toEqual([1, 2]);
    expect(Array.from(sim.outputs.CP)).toEqual([10, 5]);
  });
});

describe("simulate rejects bad input with one clear message", () => {
  it("names an unknown model and lists the known ones", () => {
    expect(() => simulate("pk9cmt", { regimen: "1 mg" })).toThrow(/unknown model "pk9cmt".*pk1cmt_iv/);
  });
  it("names a negative volume", () => {
    expect(() => simulate("pk1cmt_iv", { regimen: "1 mg", params: { V: -5 } })).toThrow(/V = -5/);
  });
  it("names a NaN parameter", () => {
    expect(() => simulate("pk1cmt_iv", { regimen: "1 mg", params: { CL: NaN } })).toThrow(/CL/);
  });
  it("names an unknown parameter", () => {
    expect(() => simulate("pk1cmt_iv", { regimen: "1 mg", params: { CLL: 1 } })).toThrow(/unknown parameter "CLL"/);
  });
  it("names an unknown column in `record`", () => {
    expect(() => simulate("pk1cmt_iv", { regimen: "1 mg", times: [1] }, { record: ["CC"] })).toThrow(/record names "CC".*columns: CP, central/);
  });
  it("names unsorted output times", () => {
    expect(() => simulate("pk1cmt_iv", { regimen: "1 mg", times: [0, 5, 2] })).toThrow(/times\[2\] = 2 comes after times\[1\] = 5/);
  });
  // Each was an internal error: a grid of "NaN points … a step of at least Infinity", NaN
  // observation times, or "Cannot use 'in' operator" on a string or number.
  it("names a time grid end or step that is not finite, and a grid field given as text", () => {
    const run = (times: unknown) => () => simulate("pk1cmt_iv", { regimen: "100 mg", times: times as SimulationInput["times"] });
    expect(run({ end: Infinity })).toThrow(/^times\.end = Infinity: give a finite end time, a number in h \(the model's time unit\)$/);
    expect(run({ end: 10, step: Infinity })).toThrow(/^times\.step = Infinity: give a finite step, a number in h \(the model's time unit\)$/);
    expect(run({ start: NaN, end: 10 })).toThrow(/^times\.start = NaN: give a finite start time, a number in h \(the model's time unit\)$/);
    expect(run({ end: "10" })).toThrow(/^times\.end = "10": give a finite end time, a number in h \(the model's time unit\)$/);
  });
  it("names `times` given as a string or a number", () => {
    const run = (times: unknown) => () => simulate("pk1cmt_iv", { regimen: "100 mg", times: times as SimulationInput["times"] });
    const forms = "times must be an array of times or a grid { start?, end?, step? } (in h, the model's time unit)";
    expect(run("0,1,2")).toThrow(new Error(`${forms}, not a string ("0,1,2")`));
    expect(run(5)).toThrow(new Error(`${forms}, not a number (5)`));
  });
  it("names a grid whose span is beyond the largest number", () => {
    expect(() => simulate("pk1cmt_iv", { regimen: "100 mg", times: { start: -1e308, end: 1e308 } })).toThrow(
      /^time grid from -1e\+308 to 1e\+308 spans more than the largest number \(1\.8e308\); give a shorter grid$/,
    );
  });
  it("quotes an output time given as text", () => {
    expect(() => simulate("pk1cmt_iv", { regimen: "100 mg", times: ["0", "1"] as unknown as number[] })).toThrow(/^times\[0\] = "0" is not a finite number$/);
  });
  it("names a dose into a compartment the model lacks", () => {
    expect(() => simulate("pk1cmt_iv", { regimen: [{ time: 0, amount: 1, cmt: 3, rate: 0, ii: 0, addl: 0, ss: 0 }], times: [1] })).toThrow(/CMT 3 does not exist/);
  });
  it("names the equation and units of a unit mismatch in a model", () => {
    const source = `$MODEL bad
$DESCRIPTION wrong units
$REFERENCE none
$PARAMETERS
CL = 6 : L/h : clearance
V = 25 : L : volume
$COMPARTMENTS
central : mg : central
$ODE
d/dt(central) = -CL*central
$OUTPUTS
CP = central/V : mg/L : concentration
`;
    expect(() => parseModel(source)).toThrow(/d\/dt\(central\)[\s\S]*expected/);
  });
});

describe("simulate reports numerical failure as a status, never a hang", () => {
  it("stops an exploding model with a non-success status and a message", () => {
    const model = parseModel(`$MODEL blowup
$DESCRIPTION quadratic growth that reaches infinity at t = 1/(k·x0)
$REFERENCE textbook example
$PARAMETERS
K = 1 : 1/(mg*h) : growth constant
$COMPARTMENTS
x : mg : amount
$ODE
d/dt(x) = K*x^2
$OUTPUTS
X = x : mg : amount
`);
    const sim = simulate(model, { regimen: "1 mg", times: [0, 0.5, 2] }, { maxWallMs: 5000 });
    expect(sim.status).not.toBe("success");
    expect(sim.message).toMatch(/ID 1/);
    expect(sim.outputs.X[1]).toBeCloseTo(2, 5);
    expect(Number.isNaN(sim.outputs.X[2])).toBe(true);
  });
});
