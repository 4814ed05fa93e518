import { describe, expect, it } from "vitest";
import { regimenRecords } from "../../src/data/index.js";
import type { Dataset, EventRecord } from "../../src/dosing/types.js";
import { getModel } from "../../src/library/index.js";
import { defineModel, parameterVector } from "../../src/model/index.js";
import type { Model } from "../../src/model/types.js";
import { Engine } from "../../src/simulation/engine.js";
import { gridDoses } from "../../src/simulation/grid-doses.js";
import { simulate } from "../../src/simulation/index.js";
import { ClosedFormPropagator } from "../../src/simulation/stiff-fallback.js";
import { buildTimeline } from "../../src/simulation/timeline.js";
import { outputCodeOf } from "../../src/model/output-code.js";
import { bateman } from "./bateman.js";
import { handOral1 } from "./hand-models.js";

// A timeline whose boluses all fall on the output times of one equal-step grid (q12h on an
// hourly grid) is run as one generated loop per subject that propagates and writes the rows
// (`Timeline.grid`, `RowRecorder.recordGrid`). These tests hold it to closed forms written here
// and, bit for bit, to the engine's dose-by-dose path on the same subjects, and check that
// every other timeline keeps that path.

const hourly = (end: number, start = 0) => Array.from({ length: end - start + 1 }, (_, k) => start + k);

/** |a − b| ≤ 1e-12·|b| + 1e-12·peak(b) for every row. */
function closeTo(a: ArrayLike<number>, b: readonly number[]): void {
  expect(a.length).toBe(b.length);
  const peak = b.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  expect(peak).toBeGreaterThan(0);
  for (let i = 0; i < b.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(1e-12 * Math.abs(b[i]) + 1e-12 * peak);
}

/**
 * One subject on the engine's dose-by-dose path (blocks of rows between doses, no grid sink),
 * with its outcome and every output and state per row; `grids` counts the grid sink's calls
 * when the same subject is run with one that only counts (and declines, so the rows still come).
 */
function generalPath(model: Model, records: readonly EventRecord[], p: Float64Array): { status: string; message: string; columns: Record<string, number[]>; grids: number } {
  const n = model.compartments.length;
  const rates = new Float64Array(n);
  const engine = new Engine(model, new ClosedFormPropagator(model, rates, {}), rates);
  const timeline = buildTimeline(model, records, Float64Array.from(p));
  const names = [...model.outputs.map((o) => o.name), ...model.compartments.map((c) => c.name)];
  const columns: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, Array.from(timeline.outputTimes, () => NaN)]));
  const out = new Float64Array(model.outputs.length);
  const y = new Float64Array(n);
  const record = (k: number, t: number, yk: Float64Array, pk: Float64Array) => {
    model.output(t, yk, pk, out);
    model.outputs.forEach((o, i) => (columns[o.name][k] = out[i]));
    model.compartments.forEach((c, i) => (columns[c.name][k] = yk[i]));
  };
  const rows = (from: number, to: number, times: Float64Array, states: Float64Array, pk: Float64Array) => {
    for (let k = from; k < to; k++) {
      for (let j = 0; j < n; j++) y[j] = states[(k - from) * n + j];
      record(k, times[k], y, pk);
    }
  };
  const outcome = engine.run(timeline, Float64Array.from(p), record, rows);
  let grids = 0;
  engine.run(timeline, Float64Array.from(p), () => undefined, () => undefined, () => (grids++, false));
  return { status: outcome.status, message: outcome.message, columns, grids };
}

/** The simulation's rows of subject `id` (1-based) by column name. */
function subjectColumns(sim: ReturnType<typeof simulate>, id: number): Record<string, number[]> {
  const one = sim.subject(id);
  return Object.fromEntries(Object.entries({ ...one.outputs, ...one.states }).map(([name, column]) => [name, Array.from(column)]));
}

describe("gridDoses: a timeline's boluses as rows of one equal-step grid", () => {
  const model = getModel("pk2cmt_oral");
  const grid = (regimen: string, times: readonly number[], params: Record<string, number> = {}) =>
    buildTimeline(model, regimenRecords(regimen, times), parameterVector(model, params)).grid;

  it("puts 100 mg q12h × 3 on an hourly grid to 30 h before rows 0, 12 and 24 (positions 0, 24, 48), into the depot", () => {
    const g = grid("100 mg q12h x 3", hourly(30));
    expect(g).toBeDefined();
    expect(g?.step).toBe(1);
    expect(g?.rows).toBe(31);
    expect([...(g?.position ?? [])]).toEqual([0, 24, 48, 2 ** 31 - 1]);
    expect([...(g?.state ?? [])].slice(0, 3)).toEqual([0, 0, 0]);
    expect([...(g?.amount ?? [])].slice(0, 3)).toEqual([100, 100, 100]);
  });

  it("scales the amounts by F1 (0.6: 60 mg) and leaves out doses after the last output (q12h × 5 to 30 h: 3 doses)", () => {
    const g = grid("100 mg q12h x 5", hourly(30), { F1: 0.6 });
    expect([...(g?.amount ?? [])]).toEqual([60, 60, 60, 0]);
  });

  it("is undefined for a dose between outputs (ALAG1 0.5 h), an infusion, a steady-state dose, unequal steps, one output row and a dose before the first output", () => {
    expect(grid("100 mg q12h x 3", hourly(30), { ALAG1: 0.5 })).toBeUndefined();
    expect(grid("100 mg over 1 h q12h x 3", hourly(30))).toBeUndefined();
    expect(grid("100 mg q12h x 3 ss", hourly(30))).toBeUndefined();
    expect(grid("100 mg q12h x 3", [0, 1, 2, 4, 6, 8, 12])).toBeUndefined();
    expect(grid("100 mg", [0])).toBeUndefined();
    expect(grid("100 mg q12h x 3", hourly(30, 1))).toBeUndefined();
  });

  it("puts a dose row listed after the observation at its time after that row is recorded (position 2k + 1)", () => {
    const records = regimenRecords("100 mg at 2 h", hourly(4));
    // Dataset order: the observation at 2 h first, then the dose.
    const dose = records.findIndex((r) => r.evid === 1);
    const [moved] = records.splice(dose, 1);
    records.splice(records.findIndex((r) => r.time === 2) + 1, 0, moved);
    const list = buildTimeline(model, records, parameterVector(model));
    expect([...(list.grid?.position ?? [])]).toEqual([5, 2 ** 31 - 1]);
    // The same actions in the form gridDoses reads them, directly.
    expect([...(gridDoses(list, list.outputTimes, list.stepRunEnd)?.position ?? [])]).toEqual([5, 2 ** 31 - 1]);
  });
});

describe("grid timelines: one loop per subject gives the dose-by-dose path's numbers", () => {
  const model = getModel("pk2cmt_oral");
  const typical = { KA: 1, CL: 5, V1: 50, Q: 2, V2: 100 };
  // Log-normal 30% CV subjects from a fixed sequence (the bench's workload, fewer subjects).
  let seed = 12345;
  const uniform = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) + 0.5) / 4294967296;
  const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  const subjects = Array.from({ length: 40 }, () => Object.fromEntries(Object.entries(typical).map(([k, v]) => [k, v * Math.exp(0.3 * normal())])));

  it("40 subjects of pk2cmt_oral, 100 mg q12h × 28, hourly to 336 h: every output and state bit for bit, through the grid sink", () => {
    const times = hourly(336);
    const sim = simulate(model, { regimen: "100 mg q12h x 28", times: { start: 0, end: 336, step: 1 }, subjects }, { method: "closed-form" });
    expect(sim.status).toBe("success");
    const records = regimenRecords("100 mg q12h x 28", times);
    subjects.forEach((s, i) => {
      const reference = generalPath(model, records, parameterVector(model, s));
      expect(reference.status).toBe("success");
      expect(reference.grids).toBe(1);
      expect(subjectColumns(sim, i + 1)).toEqual(reference.columns);
    });
  });

  it("a subject too stiff for the matrix exponential among grid subjects goes to Rodas4, the others stay exact", () => {
    // KA 1e7 per h against k21 = 0.02 per h: κ₁(A) far above 1e6.
    const mixed = [typical, { ...typical, KA: 1e7 }, subjects[0]];
    const times = hourly(48);
    const sim = simulate(model, { regimen: "100 mg q12h x 4", times, subjects: mixed }, { method: "closed-form" });
    expect(sim.method).toBe("closed-form+rodas4");
    const records = regimenRecords("100 mg q12h x 4", times);
    mixed.forEach((s, i) => {
      const reference = generalPath(model, records, parameterVector(model, s));
      expect(reference.grids).toBe(i === 1 ? 0 : 1);
      expect(subjectColumns(sim, i + 1)).toEqual(reference.columns);
    });
  });

  it("doses per kg (a timeline per subject): 5 mg/kg q12h × 4 with WT 50 and 80 kg are the Bateman curves of 250 and 400 mg", () => {
    const params = { KA: 1.1, CL: 6, V: 25 };
    const times = hourly(60);
    const sim = simulate("pk1cmt_oral", { regimen: "5 mg/kg q12h x 4", times, params, subjects: [{ WT: 50 }, { WT: 80 }] }, { method: "closed-form" });
    [50, 80].forEach((wt, i) => {
      const doses = [0, 12, 24, 36].map((time) => ({ time, amt: 5 * wt }));
      closeTo(sim.subject(i + 1).outputs.CP, times.map((t) => bateman(t, doses, params)));
    });
  });

  it("covariates (a timeline per subject): CL = 6·(WT/70)^0.75 L/h for WT 40 and 110 kg gives each its Bateman curve", () => {
    const scaled = defineModel({
      name: "oral1_wt",
      parameters: { KA: { value: 1.1, unit: "1/h" }, TVCL: { value: 6, unit: "L/h" }, V: { value: 25, unit: "L" }, WTREF: { value: 70, unit: "kg" } },
      covariates: { WT: { value: 70, unit: "kg" } },
      compartments: { depot: { unit: "mg" }, central: { unit: "mg" } },
      derived: { CL: "TVCL*(WT/WTREF)^0.75" },
      odes: { depot: "-KA*depot", central: "KA*depot - CL/V*central" },
      outputs: { CP: { expr: "central/V", unit: "mg/L" } },
    });
    const times = hourly(48);
    const sim = simulate(scaled, { regimen: "100 mg q12h x 4", times, subjects: [{ WT: 40 }, { WT: 110 }] }, { method: "closed-form" });
    expect(sim.status).toBe("success");
    [40, 110].forEach((wt, i) => {
      const doses = [0, 12, 24, 36].map((time) => ({ time, amt: 100 }));
      closeTo(sim.subject(i + 1).outputs.CP, times.map((t) => bateman(t, doses, { KA: 1.1, CL: 6 * (wt / 70) ** 0.75, V: 25 })));
    });
  });

  it("a grid that starts after 0 h first brings the initial state to its first row: A0 = 10 mg decaying, 100 mg at 24 h, outputs 24–48 h", () => {
    const decay = defineModel({
      name: "decay_init",
      parameters: { K: { value: 0.1, unit: "1/h" }, A0: { value: 10, unit: "mg" } },
      compartments: { central: { unit: "mg" } },
      odes: { central: "-K*central" },
      init: { central: "A0" },
      outputs: { AMOUNT: { expr: "central", unit: "mg" } },
    });
    const times = hourly(48, 24);
    const records = regimenRecords("100 mg at 24 h", times);
    const sim = simulate(decay, { regimen: "100 mg at 24 h", times }, { method: "closed-form" });
    closeTo(sim.outputs.AMOUNT, times.map((t) => 10 * Math.exp(-0.1 * t) + 100 * Math.exp(-0.1 * (t - 24))));
    const reference = generalPath(decay, records, parameterVector(decay));
    expect(reference.grids).toBe(1);
    expect(subjectColumns(sim, 1)).toEqual(reference.columns);
  });

  it("a dataset whose observation at 0 h precedes the dose row records 0 there, then the dose's decay (pk1cmt_iv, 100 mg, CL 6 L/h, V 25 L)", () => {
    const model1 = getModel("pk1cmt_iv");
    const base = { id: 1, amt: 0, cmt: 0, rate: 0, ii: 0, addl: 0, ss: 0 as const, dv: NaN, covariates: {}, row: 0 };
    const records: EventRecord[] = [
      { ...base, time: 0, evid: 0, mdv: 0 },
      { ...base, time: 0, evid: 1, mdv: 1, amt: 100, cmt: 1 },
      ...hourly(6, 1).map((time) => ({ ...base, time, evid: 0 as const, mdv: 0 as const })),
    ];
    records.forEach((r, i) => (r.row = i + 1));
    const data: Dataset = { covariates: [], subjects: [{ id: 1, records }] };
    const sim = simulate(model1, { data, params: { CL: 6, V: 25 } }, { method: "closed-form" });
    expect(sim.outputs.CP[0]).toBe(0);
    closeTo(sim.outputs.CP.subarray(1), hourly(6, 1).map((t) => 4 * Math.exp(-0.24 * t)));
    const reference = generalPath(model1, records, parameterVector(model1, { CL: 6, V: 25 }));
    expect(reference.grids).toBe(1);
    expect(subjectColumns(sim, 1)).toEqual(reference.columns);
  });
});

describe("grid timelines: the outputs of a compiled model inlined in the loop", () => {
  // Derived names of parameters only (K) are computed once per subject, those of states (C)
  // per row, and an output may read t: CT = C·e^{K·t} stays D/V after one bolus at 0.
  const model = defineModel({
    name: "iv1_effect",
    parameters: {
      CL: { value: 6, unit: "L/h" },
      V: { value: 25, unit: "L" },
      E0: { value: 5, unit: "1" },
      EMAX: { value: 80, unit: "1" },
      EC50: { value: 2, unit: "mg/L" },
    },
    compartments: { central: { unit: "mg" } },
    derived: { K: "CL/V", C: "central/V" },
    odes: { central: "-K*central" },
    outputs: { CP: { expr: "C", unit: "mg/L" }, E: { expr: "E0 + EMAX*C/(EC50 + C)", unit: "1" }, CT: { expr: "C*exp(K*t)", unit: "mg/L" } },
  });

  it("hoists the derived name of parameters and keeps the one of states per row", () => {
    const code = outputCodeOf(model.output);
    expect(code?.setup).toContain("const v_K = ");
    expect(code?.body.join("\n")).toContain("const v_C = ");
    expect(code?.loads).toEqual([[0, "v_central"]]);
  });

  it("gives the output function's doubles and the closed forms: CP = 4·e^(−0.24t), E = 5 + 80·CP/(2 + CP), CT = 4 mg/L", () => {
    const times = Array.from({ length: 97 }, (_, k) => k / 4);
    const subjects: Record<string, number>[] = [{}, { CL: 3 }];
    const sim = simulate(model, { regimen: "100 mg", times, subjects }, { method: "closed-form" });
    const cp = times.map((t) => 4 * Math.exp(-0.24 * t));
    closeTo(sim.subject(1).outputs.CP, cp);
    closeTo(sim.subject(1).outputs.E, cp.map((c) => 5 + (80 * c) / (2 + c)));
    closeTo(sim.subject(1).outputs.CT, times.map(() => 4));
    const records = regimenRecords("100 mg", times);
    subjects.forEach((s, i) => {
      const reference = generalPath(model, records, parameterVector(model, s));
      expect(reference.grids).toBe(1);
      expect(subjectColumns(sim, i + 1)).toEqual(reference.columns);
    });
  });

  it("calls the output function of a hand-written model (no generated code) on the same grid: the Bateman curve", () => {
    const hand = handOral1();
    expect(outputCodeOf(hand.output)).toBeUndefined();
    const times = hourly(48);
    const sim = simulate(hand, { regimen: "100 mg q12h x 4", times }, { method: "closed-form" });
    closeTo(sim.outputs.CP, times.map((t) => bateman(t, [0, 12, 24, 36].map((time) => ({ time, amt: 100 })), { KA: 1.1, CL: 6, V: 25 })));
  });
});

describe("grid timelines that fail are reported as on the dose-by-dose path", () => {
  it("a state overflowing at the second dose (1e308 mg q1h, V 1 L): unstable from 1 h, CP 1e308 then ∞, NaN after, the message of the general path", () => {
    const model = getModel("pk1cmt_iv");
    const params = { CL: 0.01, V: 1 };
    const times = hourly(5);
    // NONMEM dose records in the model's units: the regimen language has no exponent notation.
    const doses = [{ time: 0, amount: 1e308, cmt: 1, rate: 0, ii: 1, addl: 2, ss: 0 as const }];
    const sim = simulate(model, { regimen: doses, times, params }, { method: "closed-form" });
    expect(sim.status).toBe("unstable");
    expect(sim.message).toBe("ID 1: integration failed (unstable) after t = 1");
    expect(sim.outputs.CP[0]).toBe(1e308);
    expect(sim.outputs.CP[1]).toBe(Infinity);
    expect([...sim.outputs.CP.subarray(2)]).toEqual([NaN, NaN, NaN, NaN]);
    const reference = generalPath(model, regimenRecords(doses, times), parameterVector(model, params));
    expect(reference.grids).toBe(1);
    expect(subjectColumns(sim, 1)).toEqual(reference.columns);
  });
});
