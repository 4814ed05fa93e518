import { describe, expect, it } from "vitest";
import { regimenRecords } from "../../src/data/index.js";
import { getModel } from "../../src/library/index.js";
import { defineModel, parameterVector } from "../../src/model/index.js";
import { Engine } from "../../src/simulation/engine.js";
import { matrixRun } from "../../src/simulation/matrix-step.js";
import { simulate } from "../../src/simulation/index.js";
import { ClosedFormPropagator } from "../../src/simulation/stiff-fallback.js";
import { buildTimeline, stepRuns } from "../../src/simulation/timeline.js";
import { bateman } from "./bateman.js";

// The closed form hands runs of equal output steps to the recorder in blocks (one propagator
// for the run, states kept in locals). These tests hold the block path to closed forms
// written here independently of the engine, and to the row-by-row path of the same engine.

/** |a − b| ≤ 1e-12·|b| + 1e-12·peak(b) for every row (relative, with a floor far below the profile). */
function closeTo(a: ArrayLike<number>, b: readonly number[]): void {
  expect(a.length).toBe(b.length);
  const peak = b.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  expect(peak).toBeGreaterThan(0);
  for (let i = 0; i < b.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(1e-12 * Math.abs(b[i]) + 1e-12 * peak);
}

const hourly = (end: number) => Array.from({ length: end + 1 }, (_, k) => k);

/**
 * Two-compartment model with first-order absorption, one dose D into the depot at 0: the
 * central concentration by residues of KA·D·(s + k21)/((s + KA)(s + α)(s + β)) / V1
 * (Gibaldi & Perrier, Pharmacokinetics, 2nd ed., 1982, ch. 2), α, β the disposition rates.
 */
function oral2(t: number, dose: number, p: { KA: number; CL: number; V1: number; Q: number; V2: number }): number {
  if (t <= 0) return 0;
  const k10 = p.CL / p.V1;
  const k12 = p.Q / p.V1;
  const k21 = p.Q / p.V2;
  const sum = k10 + k12 + k21;
  const root = Math.sqrt(sum * sum - 4 * k10 * k21);
  const alpha = (sum + root) / 2;
  const beta = (sum - root) / 2;
  const ka = p.KA;
  return (
    ((ka * dose) / p.V1) *
    (((k21 - alpha) / ((ka - alpha) * (beta - alpha))) * Math.exp(-alpha * t) +
      ((k21 - beta) / ((ka - beta) * (alpha - beta))) * Math.exp(-beta * t) +
      ((k21 - ka) / ((alpha - ka) * (beta - ka))) * Math.exp(-ka * t))
  );
}

/** One-compartment zero-order infusions (rate R from `start` for `duration`), superposed: R/CL·(1 − e^{−k·s}) while running, then decaying. */
function infusion1(t: number, doses: readonly { start: number; rate: number; duration: number }[], cl: number, v: number): number {
  const k = cl / v;
  return doses.reduce((c, d) => {
    const s = t - d.start;
    if (s <= 0) return c;
    const on = Math.min(s, d.duration);
    return c + (d.rate / cl) * (1 - Math.exp(-k * on)) * Math.exp(-k * (s - on));
  }, 0);
}

/**
 * The same subject run twice by the same engine: with the block sink (what `simulate` uses)
 * and with rows one by one (what a caller without a block sink gets). Returns CP per row.
 */
function bothPaths(modelName: string, regimen: string, times: readonly number[], params: Record<string, number>): { blocks: number[]; rows: number[]; blockCalls: number } {
  const model = getModel(modelName);
  const p = parameterVector(model, params);
  const rates = new Float64Array(model.compartments.length);
  const engine = new Engine(model, new ClosedFormPropagator(model, rates, {}), rates);
  const timeline = buildTimeline(model, regimenRecords(regimen, times), p);
  const out = new Float64Array(model.outputs.length);
  const y = new Float64Array(model.compartments.length);
  const n = model.compartments.length;
  const rows: number[] = [];
  expect(engine.run(timeline, p, (k, t, yk) => (model.output(t, yk, p, out), (rows[k] = out[0]))).status).toBe("success");
  const blocks: number[] = [];
  let blockCalls = 0;
  const outcome = engine.run(
    timeline,
    p,
    (k, t, yk) => (model.output(t, yk, p, out), (blocks[k] = out[0])),
    (from, to, t, states) => {
      blockCalls++;
      for (let k = from; k < to; k++) {
        for (let j = 0; j < n; j++) y[j] = states[(k - from) * n + j];
        model.output(t[k], y, p, out);
        blocks[k] = out[0];
      }
    },
  );
  expect(outcome.status).toBe("success");
  return { blocks, rows, blockCalls };
}

describe("stepRuns: where each run of equal output steps ends", () => {
  it("ends runs where the step changes: 0, 1, 2, 3 | 5, 7 → [4, 4, 4, 6, 6, 6]", () => {
    expect([...stepRuns(Float64Array.of(0, 1, 2, 3, 5, 7))]).toEqual([4, 4, 4, 6, 6, 6]);
  });

  it("treats a repeated time as a step of 0 and a single time as a run of one row", () => {
    expect([...stepRuns(Float64Array.of(0, 0, 1, 2))]).toEqual([2, 4, 4, 4]);
    expect([...stepRuns(Float64Array.of(5))]).toEqual([1]);
    expect([...stepRuns(new Float64Array(0))]).toEqual([]);
  });
});

describe("matrixRun: y ← E·y + c along a run of equal steps", () => {
  // Plain nested loops in the test: the reference for the generated straight-line code.
  function reference(e: number[], c: number[], y0: number[], count: number): number[] {
    const n = y0.length;
    const states = [...y0];
    let y = [...y0];
    for (let r = 0; r < count; r++) {
      y = y.map((_, i) => {
        let s = 0;
        for (let j = 0; j < n; j++) s += e[i * n + j] * y[j];
        return s + c[i];
      });
      states.push(...y);
    }
    return states;
  }

  for (const n of [1, 3, 12, 13]) {
    it(`gives the states of nested loops exactly for n = ${n} (${n <= 12 ? "straight-line code" : "loops"}), with and without an input`, () => {
      const e = Array.from({ length: n * n }, (_, k) => Math.sin(k + 1) / n);
      const y0 = Array.from({ length: n }, (_, i) => 1 + i);
      for (const c of [new Array<number>(n).fill(0), Array.from({ length: n }, (_, i) => 0.25 * (i + 1))]) {
        const withInput = c[0] !== 0;
        const states = new Float64Array(6 * n);
        const y = Float64Array.from(y0);
        // Without input c is not read: NaN there must not reach the states.
        matrixRun(n, withInput)(Float64Array.from(e), withInput ? Float64Array.from(c) : new Float64Array(n).fill(NaN), y, states, 5);
        const expected = reference(e, c, y0, 5);
        expect([...states]).toEqual(expected);
        expect([...y]).toEqual(expected.slice(5 * n));
      }
    });
  }

  it("adds the input at every step (e = 0.5, c = 1 from 4: 4, 3, 2.5, 2.25)", () => {
    const states = new Float64Array(4);
    matrixRun(1, true)(Float64Array.of(0.5), Float64Array.of(1), Float64Array.of(4), states, 3);
    expect([...states]).toEqual([4, 3, 2.5, 2.25]);
  });

  it("halves a one-state amount at every step with e = 0.5 (4, 2, 1, 0.5)", () => {
    const states = new Float64Array(4);
    const y = Float64Array.of(4);
    matrixRun(1, false)(Float64Array.of(0.5), Float64Array.of(0), y, states, 3);
    expect([...states]).toEqual([4, 2, 1, 0.5]);
    expect(y[0]).toBe(0.5);
  });
});

describe("closed form in blocks of equal output steps agrees with independent closed forms to 1e-12", () => {
  const p2 = { KA: 1.3, CL: 5, V1: 50, Q: 2, V2: 100 };

  it("pk2cmt_oral, 100 mg q12h × 28, hourly to 336 h (the bench's workload): doses on output times", () => {
    const times = hourly(336);
    const sim = simulate("pk2cmt_oral", { regimen: "100 mg q12h x 28", times, params: p2 }, { method: "closed-form" });
    const expected = times.map((t) => Array.from({ length: 28 }, (_, d) => oral2(t - 12 * d, 100, p2)).reduce((a, b) => a + b, 0));
    closeTo(sim.outputs.CP, expected);
  });

  it("pk2cmt_oral, doses between output times (at 0, 12.5, 30.25 h) on a half-hour grid", () => {
    const times = Array.from({ length: 97 }, (_, k) => k / 2);
    const sim = simulate("pk2cmt_oral", { regimen: "100 mg at 0, 12.5, 30.25 h", times, params: p2 }, { method: "closed-form" });
    const expected = times.map((t) => [0, 12.5, 30.25].reduce((c, at) => c + oral2(t - at, 100, p2), 0));
    closeTo(sim.outputs.CP, expected);
  });

  it("pk1cmt_oral on unequal steps (runs of 0.25, 1 and 6 h, a repeated time) with F1 = 0.6 and ALAG1 = 0.75 h", () => {
    const times = [0, 0.25, 0.5, 0.75, 1, 2, 3, 4, 4, 5, 6, 12, 18, 24, 25, 26, 27, 33, 39, 45, 48];
    const params = { KA: 1.1, CL: 6, V: 25, F1: 0.6, ALAG1: 0.75 };
    const sim = simulate("pk1cmt_oral", { regimen: "200 mg q24h x 2", times, params }, { method: "closed-form" });
    const doses = [0, 24].map((time) => ({ time, amt: 200, f: 0.6, lag: 0.75 }));
    closeTo(sim.outputs.CP, times.map((t) => bateman(t, doses, params)));
  });

  it("pk1cmt_iv, 2.5-h infusions at 0 and 12.3 h: runs inside and after each infusion, the ends between output times", () => {
    const times = Array.from({ length: 49 }, (_, k) => k / 2);
    const sim = simulate("pk1cmt_iv", { regimen: "500 mg over 2.5 h at 0, 12.3 h", times, params: { CL: 6, V: 25 } }, { method: "closed-form" });
    const doses = [0, 12.3].map((start) => ({ start, rate: 200, duration: 2.5 }));
    closeTo(sim.outputs.CP, times.map((t) => infusion1(t, doses, 6, 25)));
  });

  it("pk2cmt_oral over 1,201 equal steps (more rows than one block holds) and records only the columns asked for", () => {
    const times = Array.from({ length: 1201 }, (_, k) => k / 10);
    const sim = simulate("pk2cmt_oral", { regimen: "100 mg", times, params: p2 }, { method: "closed-form", record: ["CP"] });
    expect(Object.keys(sim.outputs)).toEqual(["CP"]);
    expect(Object.keys(sim.states)).toEqual([]);
    closeTo(sim.outputs.CP, times.map((t) => oral2(t, 100, p2)));
  });
});

describe("closed form in blocks above 12 states (generated loops give way to plain ones)", () => {
  // A chain of 13 compartments with one rate constant K: after a bolus D into the first,
  // compartment j (1-based) holds D·(Kt)^(j−1)/(j−1)!·e^(−Kt) (the Erlang densities).
  const names = Array.from({ length: 13 }, (_, j) => `A${j + 1}`);
  const chain = defineModel({
    name: "chain13",
    parameters: { K: { value: 0.8, unit: "1/h" } },
    compartments: Object.fromEntries(names.map((name) => [name, { unit: "mg" }])),
    odes: Object.fromEntries(names.map((name, j) => [name, j === 0 ? "-K*A1" : `K*${names[j - 1]} - K*${name}`])),
    outputs: { LAST: { expr: "A13", unit: "mg" } },
  });
  const erlang = (t: number, j: number) => {
    let term = 100 * Math.exp(-0.8 * t);
    for (let i = 1; i <= j; i++) term *= (0.8 * t) / i;
    return term;
  };

  it("matches the Erlang amounts of states 1, 7 and 13 and the output on a quarter-hour grid, recording a subset", () => {
    const times = Array.from({ length: 161 }, (_, k) => k / 4);
    const sim = simulate(chain, { regimen: "100 mg into cmt 1", times }, { method: "closed-form", record: ["A1", "A7", "A13", "LAST"] });
    expect(sim.method).toBe("closed-form");
    expect(Object.keys(sim.states)).toEqual(["A1", "A7", "A13"]);
    closeTo(sim.states.A1, times.map((t) => erlang(t, 0)));
    closeTo(sim.states.A7, times.map((t) => erlang(t, 6)));
    closeTo(sim.states.A13, times.map((t) => erlang(t, 12)));
    closeTo(sim.outputs.LAST, times.map((t) => erlang(t, 12)));
  });
});

describe("the block path and the row-by-row path give the same rows", () => {
  it("bit for bit without infusions (pk2cmt_oral, q12h × 6 on an hourly grid, F1 0.8, ALAG1 0.5 h)", () => {
    const { blocks, rows, blockCalls } = bothPaths("pk2cmt_oral", "100 mg q12h x 6", hourly(80), { F1: 0.8, ALAG1: 0.5 });
    expect(blockCalls).toBeGreaterThan(5);
    expect(blocks).toEqual(rows);
  });

  it("within 1e-12 with infusions running across the runs (pk2cmt_iv, 1-h infusions q8h × 4)", () => {
    const { blocks, rows, blockCalls } = bothPaths("pk2cmt_iv", "500 mg over 1 h q8h x 4", Array.from({ length: 161 }, (_, k) => k / 4), {});
    expect(blockCalls).toBeGreaterThan(3);
    closeTo(blocks, rows);
  });
});
