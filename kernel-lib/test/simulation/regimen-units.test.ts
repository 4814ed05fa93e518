import { describe, expect, it } from "vitest";
import { datasetFromRegimen } from "../../src/data/index.js";
import { parseRegimen } from "../../src/dosing/index.js";
import type { Dataset, EventRecord } from "../../src/dosing/index.js";
import { getModel, modelSource } from "../../src/library/index.js";
import { parseModel } from "../../src/model/index.js";
import { planPopulation } from "../../src/population/index.js";
import { localSensitivity } from "../../src/sensitivity/index.js";
import { simulate, toModelDoses } from "../../src/simulation/index.js";

// Every expected value here is computed in the test from the model's mathematics (closed
// forms, or an RK4 integrator written below), never read from the code under test.

/** One-compartment IV model whose amounts are in `unit` (CP in unit/L), time in `time`. */
const oneCompartment = (unit: string, time = "h", extra = "") =>
  parseModel(`$MODEL onecmt_${unit}
$DESCRIPTION one-compartment IV bolus in ${unit}
$TIME ${time}
${extra}
$ROUTES
iv = central
$PARAMETERS
CL = 5 : L/${time} : clearance
V = 50 : L : volume
$COMPARTMENTS
central : ${unit} : central amount
$ODE
d/dt(central) = -CL/V*central
$OUTPUTS
CP = central/V : ${unit}/L : concentration
`);

const TIGHT = { rtol: 1e-11, atol: 1e-14 };

describe("regimen times in the model's time unit", () => {
  // simeoni: $TIME day, drug CL 2 L/day, V 1 L, so the amount decays as e^{-2 t} (t in days).
  const amount = (t: number, doseDays: number[]) => doseDays.filter((d) => d <= t).reduce((a, d) => a + 10 * Math.exp(-2 * (t - d)), 0);

  it('doses "10 mg q1d x 3" into simeoni at days 0, 1 and 2 (drug amount 4.177 mg at day 1.5, not 0.498)', () => {
    // simeoni is nonlinear (ODE path): tight tolerances, agreement to 1e-8.
    const sim = simulate("simeoni", { regimen: "10 mg q1d x 3", times: [1.5, 2.5] }, TIGHT);
    expect(sim.states.central[0]).toBeCloseTo(amount(1.5, [0, 1, 2]), 8);
    expect(sim.states.central[0]).toBeCloseTo(4.1767, 4);
    expect(sim.states.central[1]).toBeCloseTo(amount(2.5, [0, 1, 2]), 8);
  });

  it('reads "q24h" and "every 1 day" as the same one-day interval', () => {
    const a = simulate("simeoni", { regimen: "10 mg q24h x 3", times: [1.5] }, TIGHT);
    const b = simulate("simeoni", { regimen: "10 mg every 1 day x 3", times: [1.5] }, TIGHT);
    expect(a.states.central[0]).toBeCloseTo(amount(1.5, [0, 1, 2]), 8);
    expect(b.states.central[0]).toBe(a.states.central[0]);
  });

  it("gives simeoni's tumour weight at day 20 after 10 mg q1d x 3 as an independent RK4 integration does (about 0.0009 g)", () => {
    const sim = simulate("simeoni", { regimen: "10 mg q1d x 3", times: [20] }, { rtol: 1e-10, atol: 1e-14 });
    const reference = simeoniRk4([0, 1, 2], 10, 20);
    expect(sim.outputs.WEIGHT[0]).toBeCloseTo(reference, 9);
    expect(reference).toBeGreaterThan(0.0005);
    expect(reference).toBeLessThan(0.0015);
  });

  it("converts infusion durations and rates: 10 mg over 12 h into a day model runs 0.5 day at 20 mg/day", () => {
    const [d] = toModelDoses(getModel("simeoni"), parseRegimen("10 mg over 12 h at 36 h").doses(), {});
    expect(d).toMatchObject({ time: 1.5, amount: 10, rate: 20, cmt: 1 });
    expect(d.unit).toBeUndefined();
  });

  it("reads dataset times and amounts as the model's own units (NONMEM convention): AMT 10 at TIME 1 is day 1 in simeoni", () => {
    const row = (time: number, evid: 0 | 1, amt: number, r: number): EventRecord => ({
      id: 1, time, evid, amt, cmt: 1, rate: 0, ii: 0, addl: 0, ss: 0, dv: NaN, mdv: evid === 1 ? 1 : 0, covariates: {}, row: r,
    });
    const data: Dataset = { covariates: [], subjects: [{ id: 1, records: [row(1, 1, 10, 1), row(1.5, 0, 0, 2)] }] };
    const sim = simulate("simeoni", { data }, TIGHT);
    expect(sim.states.central[0]).toBeCloseTo(10 * Math.exp(-2 * 0.5), 8);
  });
});

describe("populations with inter-occasion variability", () => {
  it("split a route or per-kg regimen into occasions by dose, in the model's time unit", () => {
    const plan = planPopulation("pk1cmt_oral", {
      regimen: "5 mg/kg po q24h x 3", times: [12, 36, 60], n: 2, covariates: { WT: 70 },
      iov: { omega: { KA: 0.09 }, occasions: { doses: [2, 3] } },
    });
    expect(plan.iov?.count).toBe(3);
    // simeoni is in days: the doses at days 0, 1, 2 open occasions at days 1 and 2 (not at 24 and 48).
    const days = planPopulation("simeoni", { regimen: "10 mg q1d x 3", times: [0.5, 1.5, 2.5], n: 2, iov: { omega: { CL: 0.09 }, occasions: { times: [1, 2] } } });
    expect(days.iov?.count).toBe(3);
    const doses = days.iov?.occasions[0].records.filter((r) => r.evid === 1);
    expect(doses?.map((r) => r.time)).toEqual([0, 1, 2]);
  });
});

describe("datasets written from a regimen", () => {
  it("refuses doses whose size or compartment the model or subject decides, instead of writing them unconverted", () => {
    expect(() => datasetFromRegimen("5 mg/kg", [1])).toThrow(/regimenRecords: a dose in mg\/kg depends on the model or the subject/);
    expect(() => datasetFromRegimen("100 mg iv", [1])).toThrow(/a dose by route iv \(its compartment comes from the model's \$ROUTES\)/);
    expect(datasetFromRegimen("100 mg", [1]).subjects[0].records[0]).toMatchObject({ amt: 100, cmt: 1 });
  });
});

describe("regimen amounts in the dosed compartment's unit", () => {
  it('gives "100 ug" to a model in µg as 100 µg (C0 = 2 µg/L, not 0.002)', () => {
    const sim = simulate(oneCompartment("ug"), { regimen: "100 ug", times: [0, 10] });
    expect(sim.outputs.CP[0]).toBeCloseTo(100 / 50, 12);
    expect(sim.outputs.CP[1]).toBeCloseTo(2 * Math.exp(-0.1 * 10), 12);
    expect(simulate(oneCompartment("ug"), { regimen: "0.1 mg", times: [0] }).outputs.CP[0]).toBeCloseTo(2, 12);
    expect(simulate("pk1cmt_iv", { regimen: "100 ug", times: [0] }).states.central[0]).toBeCloseTo(0.1, 15);
  });

  it('doses tmdd "10 mg" as 10 mg / 146 000 g/mol = 68.49 nmol, and "10 nmol" as 10 nmol', () => {
    const mg = simulate("tmdd", { regimen: "10 mg", times: [0] });
    expect(mg.states.central[0]).toBeCloseTo((10e-3 / 146000) * 1e9, 10);
    const nmol = simulate("tmdd", { regimen: "10 nmol", times: [0] });
    expect(nmol.states.central[0]).toBeCloseTo(10, 12);
    expect(simulate("tmdd", { regimen: "0.01 umol", times: [0] }).states.central[0]).toBeCloseTo(10, 12);
  });

  it("doses nmol into a mass compartment through $MW (500 g/mol: 10 nmol = 5 µg)", () => {
    const model = oneCompartment("ug", "h", "$MW 500 g/mol");
    expect(simulate(model, { regimen: "10 nmol", times: [0] }).states.central[0]).toBeCloseTo(5, 12);
    expect(simulate(oneCompartment("ug", "h", "$MW 0.5 kDa"), { regimen: "10 nmol", times: [0] }).states.central[0]).toBeCloseTo(5, 12);
  });

  it("refuses a mass dose into a molar model without $MW, naming both units", () => {
    const noMw = parseModel(modelSource("tmdd").replace(/^\$MW.*$/m, ""));
    expect(() => simulate(noMw, { regimen: "10 mg", times: [0] })).toThrow(/cannot convert a dose in mg into compartment central of model tmdd, whose unit is nmol; declare the molecular weight \(\$MW/);
    expect(() => simulate("pk1cmt_iv", { regimen: "10 nmol", times: [0] })).toThrow(/dose in nmol .* whose unit is mg/);
  });

  it("refuses a dose into a compartment that holds no amount (a concentration), naming both units", () => {
    const model = parseModel(`$MODEL conc
$DESCRIPTION a compartment in mg/L
$PARAMETERS
K = 1 : 1/h : rate
$COMPARTMENTS
C : mg/L : concentration
$ODE
d/dt(C) = -K*C
`);
    expect(() => simulate(model, { regimen: "10 mg", times: [0] })).toThrow(/cannot convert a dose in mg into compartment C of model conc, whose unit is mg\/L/);
  });
});

describe("doses per kg and per m²", () => {
  it("multiplies mg/kg by each subject's WT, even for a model that does not read WT", () => {
    const sim = simulate("pk1cmt_iv", { regimen: "5 mg/kg", times: [0], subjects: [{ WT: 80 }, { WT: 50 }] });
    expect(Array.from(sim.states.central)).toEqual([400, 250]);
    expect(simulate("pk1cmt_iv", { regimen: "5 mg/kg", times: [0], covariates: { WT: 70 } }).states.central[0]).toBe(350);
  });

  it("reads WT from the model's own covariate, converted from its declared unit", () => {
    const text = modelSource("pk1cmt_iv").replace("$COMPARTMENTS", "$COVARIATES\nWT = 154.32358352941 : lb : body weight\n$COMPARTMENTS");
    const sim = simulate(parseModel(text), { regimen: "1 mg/kg", times: [0] });
    // 154.32358352941 lb = 70 kg (1 lb = 0.45359237 kg exactly)
    expect(sim.states.central[0]).toBeCloseTo(70, 9);
  });

  it("multiplies mg/m2 by BSA, or by Mosteller's √(HT·WT/3600) from HT (cm) and WT (kg)", () => {
    const bsa = Math.sqrt((170 * 70) / 3600);
    expect(simulate("pk1cmt_iv", { regimen: "100 mg/m2", times: [0], covariates: { HT: 170, WT: 70 } }).states.central[0]).toBeCloseTo(100 * bsa, 12);
    expect(simulate("pk1cmt_iv", { regimen: "100 mg/m²", times: [0], covariates: { BSA: 2 } }).states.central[0]).toBe(200);
    // 75 mg/m² × 2 m² = 150 mg over 1 h: 150 mg/h; amount at the end A = R/k·(1 − e^{−k·1 h}), k = CL/V.
    const k = 6 / 25;
    expect(simulate("pk1cmt_iv", { regimen: "75 mg/m^2 over 1 h", times: [1], covariates: { BSA: 2 } }).states.central[0]).toBeCloseTo((150 / k) * (1 - Math.exp(-k)), 9);
  });

  it("keeps passing the other covariates to the model, so an unknown name (even __proto__) is still refused", () => {
    const covariates = JSON.parse('{"__proto__": 5, "WT": 70}') as Record<string, number>;
    expect(() => simulate("pk1cmt_iv", { regimen: "1 mg/kg", times: [0], covariates })).toThrow(/unknown parameter "__proto__" for model pk1cmt_iv/);
  });

  it("refuses a dose per kg without a weight, saying what to give", () => {
    expect(() => simulate("pk1cmt_iv", { regimen: "5 mg/kg", times: [0] })).toThrow(/subject 1: a dose in mg\/kg needs the subject's weight: give WT \(kg\) as a covariate/);
    expect(() => simulate("pk1cmt_iv", { regimen: "5 mg/m2", times: [0], covariates: { WT: 70 } })).toThrow(/needs the subject's body surface area: give BSA/);
  });
});

describe("routes choose the compartment", () => {
  const p = { KA: 1.1, CL: 6, V: 25 };

  it('puts "100 mg iv" into the central compartment of an oral model: the IV closed form, no absorption', () => {
    const sim = simulate("pk1cmt_oral", { regimen: "100 mg iv", times: [0, 2, 5], params: p });
    [0, 2, 5].forEach((t, i) => expect(sim.outputs.CP[i]).toBeCloseTo((100 / 25) * Math.exp(-(6 / 25) * t), 12));
    expect(sim.states.depot[2]).toBe(0);
  });

  it('puts "100 mg oral" (or po) into the depot', () => {
    const sim = simulate("pk1cmt_oral", { regimen: "100 mg po", times: [0], params: p });
    expect(sim.states.depot[0]).toBe(100);
    expect(sim.states.central[0]).toBe(0);
  });

  it("gives sensitivities to F1 for a route dose: CP is proportional to F1 for an oral dose, independent of it for an iv one", () => {
    const times = [1, 4];
    const oral = localSensitivity("pk1cmt_oral", { regimen: "100 mg oral", times, params: p }, { parameters: ["F1"] });
    // CP = F1·Bateman, so ∂CP/∂F1 at F1 = 1 is CP itself.
    times.forEach((_, i) => expect(oral.derivative.F1[i]).toBeCloseTo(oral.value[i], 6));
    const iv = localSensitivity("pk1cmt_oral", { regimen: "100 mg iv", times, params: p }, { parameters: ["F1"] });
    times.forEach((_, i) => expect(iv.derivative.F1[i]).toBeCloseTo(0, 9));
  });

  it("refuses a route the model does not have, listing its routes", () => {
    expect(() => simulate("pk1cmt_iv", { regimen: "100 mg oral", times: [1] })).toThrow(/model pk1cmt_iv has no route "oral"; its routes are iv \(central\)/);
    expect(() => simulate("pk1cmt_oral", { regimen: "100 mg sc", times: [1] })).toThrow(/has no route "sc"; its routes are oral \(depot\), iv \(central\)/);
    const noRoutes = parseModel(modelSource("pk1cmt_iv").replace(/^\$ROUTES.*\niv = central\n/m, ""));
    expect(() => simulate(noRoutes, { regimen: "100 mg iv", times: [1] })).toThrow(/it declares no routes \(\$ROUTES\)/);
  });

  it("declares routes for every built-in model: oral into the depot where there is one, iv into central", () => {
    for (const name of ["pk1cmt_iv", "pk1cmt_oral", "pk2cmt_oral", "pk3cmt_oral", "tmdd", "simeoni", "friberg", "idr1", "emax"]) {
      const m = getModel(name);
      const names = (m.routes ?? []).map((r) => `${r.route}:${m.compartments[r.cmt - 1].name}`);
      expect(names).toContain("iv:central");
      if (m.compartments.some((c) => c.name === "depot")) expect(names[0]).toBe("oral:depot");
    }
  });

  it("refuses $ROUTES naming an unknown route or compartment, with the line", () => {
    expect(() => parseModel(modelSource("pk1cmt_iv").replace("iv = central", "nasal = central"))).toThrow(/line \d+: unknown route "nasal" in \$ROUTES; the routes are iv, oral, sc, im/);
    expect(() => parseModel(modelSource("pk1cmt_iv").replace("iv = central", "iv = centre"))).toThrow(/route iv = centre: "centre" is not a compartment/);
  });
});

/**
 * Simeoni's model (see library/models/simeoni.ts) integrated by classical RK4 with a fixed
 * step of 1e-3 day, bolus doses of `amount` mg added at `doseDays`: written here from the
 * published equations, independently of the model compiler and solvers.
 */
function simeoniRk4(doseDays: number[], amount: number, end: number): number {
  const [CL, V, L0, L1, K1, K2, PSI, W0] = [2, 1, 0.273, 0.814, 0.968, 0.629, 20, 0.05];
  const f = (y: number[]): number[] => {
    const [a, x1, x2, x3, x4] = y;
    const c = a / V;
    const w = x1 + x2 + x3 + x4;
    const growth = (L0 * x1) / Math.pow(1 + Math.pow((L0 / L1) * w, PSI), 1 / PSI);
    return [-(CL / V) * a, growth - K2 * c * x1, K2 * c * x1 - K1 * x2, K1 * (x2 - x3), K1 * (x3 - x4)];
  };
  let y = [0, W0, 0, 0, 0];
  const h = 1e-3;
  const steps = Math.round(end / h);
  for (let k = 0; k < steps; k++) {
    if (doseDays.some((d) => Math.abs(d - k * h) < h / 2)) y[0] += amount;
    const k1 = f(y);
    const k2 = f(y.map((v, i) => v + (h / 2) * k1[i]));
    const k3 = f(y.map((v, i) => v + (h / 2) * k2[i]));
    const k4 = f(y.map((v, i) => v + h * k3[i]));
    y = y.map((v, i) => v + (h / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]));
  }
  return y[1] + y[2] + y[3] + y[4];
}
