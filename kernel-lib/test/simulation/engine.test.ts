import { describe, expect, it } from "vitest";
import type { EventRecord } from "../../src/dosing/types.js";
import { Engine } from "../../src/simulation/engine.js";
import { ExactLinearPropagator } from "../../src/simulation/exact-propagator.js";
import { buildTimeline } from "../../src/simulation/timeline.js";
import { handOral1 } from "./hand-models.js";
import { bateman } from "./bateman.js";

type Row = Partial<EventRecord> & { time: number; evid: EventRecord["evid"] };

function records(rows: Row[]): EventRecord[] {
  return rows.map((r, i) => ({ id: 1, amt: 0, cmt: 1, rate: 0, ii: 0, addl: 0, ss: 0, dv: NaN, mdv: 0, covariates: {}, row: i + 1, ...r }));
}

/** Runs the hand-written oral model exactly and returns CP at the observation rows. */
function run(rows: Row[], params: Partial<Record<"KA" | "CL" | "V" | "F1" | "ALAG1", number>> = {}, state?: number): number[] {
  const model = handOral1();
  const p = Float64Array.from(model.parameters, (q) => params[q.name as keyof typeof params] ?? q.value);
  const rates = new Float64Array(2);
  const engine = new Engine(model, new ExactLinearPropagator(model, rates), rates);
  const timeline = buildTimeline(model, records(rows), p);
  const cp: number[] = [];
  const outcome = engine.run(timeline, p, (_k, _t, y) => cp.push(state === undefined ? y[1] / p[2] : y[state]));
  expect(outcome.status).toBe("success");
  return cp;
}

const obs = (...times: number[]): Row[] => times.map((time) => ({ time, evid: 0 as const }));

// Closed forms written independently of the engine.
const bolus = (dose: number, cl: number, v: number, t: number) => (dose / v) * Math.exp((-cl / v) * t);
const PK = { KA: 1.1, CL: 6, V: 25 };

describe("engine with the exact linear propagator", () => {
  it("reproduces the IV bolus profile 24.0, 11.68, 5.686, 2.768, 1.347 mg/L (D/V·e^(−CL/V·t), 4 significant figures)", () => {
    const cp = run([{ time: 0, evid: 1, amt: 600, cmt: 2 }, ...obs(0, 3, 6, 9, 12)]);
    const closedForm = [24.0, 11.68, 5.686, 2.768, 1.347];
    cp.forEach((c, i) => expect(c).toBeCloseTo(closedForm[i], closedForm[i] > 10 ? 1 : 3));
  });

  it("reproduces the oral profile 0, 13.81, 7.231, 3.539, 1.723 mg/L (the Bateman function, 4 significant figures)", () => {
    const cp = run([{ time: 0, evid: 1, amt: 600, cmt: 1 }, ...obs(0, 3, 6, 9, 12)]);
    const closedForm = [0, 13.81, 7.231, 3.539, 1.723];
    cp.forEach((c, i) => expect(c).toBeCloseTo(closedForm[i], 2));
  });

  it("records an observation listed before a dose at the same time as pre-dose and one after as post-dose", () => {
    const cp = run([{ time: 0, evid: 1, amt: 100, cmt: 2 }, { time: 12, evid: 0 }, { time: 12, evid: 1, amt: 100, cmt: 2 }, { time: 12, evid: 0 }]);
    expect(cp[0]).toBeCloseTo(bolus(100, 6, 25, 12), 12);
    expect(cp[1]).toBeCloseTo(bolus(100, 6, 25, 12) + 4, 12);
  });

  it("adds ADDL doses by superposition", () => {
    const cp = run([{ time: 0, evid: 1, amt: 100, cmt: 1, ii: 12, addl: 3 }, ...obs(5, 30, 47.5, 60)]);
    const doses = [0, 12, 24, 36].map((time) => ({ time, amt: 100 }));
    [5, 30, 47.5, 60].forEach((t, i) => {
      expect(cp[i]).toBeCloseTo(bateman(t, doses, PK), 10);
    });
  });

  it("scales doses by F1 and delays them by ALAG1", () => {
    const cp = run([{ time: 0, evid: 1, amt: 100, cmt: 1 }, ...obs(0.5, 1, 4)], { F1: 0.6, ALAG1: 0.75 });
    [0.5, 1, 4].forEach((t, i) => expect(cp[i]).toBeCloseTo(bateman(t, [{ time: 0.75, amt: 60 }], PK), 10));
  });

  it("gives an infusion at fixed rate whose duration F1 shortens", () => {
    // 100 mg at 50 mg/h into CMT 1 would last 2 h; with F1 0.5 it is 50 mg over 1 h.
    const depot = run([{ time: 0, evid: 1, amt: 100, cmt: 1, rate: 50 }, ...obs(0.5, 1, 3)], { F1: 0.5, KA: 1e-12 }, 0);
    [25, 50, 50].forEach((amount, i) => expect(depot[i]).toBeCloseTo(amount, 8));
    const k = 6 / 25;
    const during = (t: number) => (50 / 6) * (1 - Math.exp(-k * t));
    const iv = run([{ time: 0, evid: 1, amt: 100, cmt: 2, rate: 50 }, ...obs(0.5, 2, 3)]);
    expect(iv[0]).toBeCloseTo(during(0.5), 10);
    expect(iv[1]).toBeCloseTo(during(2), 10);
    expect(iv[2]).toBeCloseTo(during(2) * Math.exp(-k * 1), 10);
  });

  it("sums overlapping infusions", () => {
    const cp = run([{ time: 0, evid: 1, amt: 100, cmt: 2, rate: 25 }, { time: 2, evid: 1, amt: 100, cmt: 2, rate: 25 }, ...obs(3, 7)]);
    const k = 6 / 25;
    const inf = (t: number, rate: number, dur: number) =>
      t <= 0 ? 0 : t <= dur ? (rate / 6) * (1 - Math.exp(-k * t)) : (rate / 6) * (1 - Math.exp(-k * dur)) * Math.exp(-k * (t - dur));
    expect(cp[0]).toBeCloseTo(inf(3, 25, 4) + inf(1, 25, 4), 10);
    expect(cp[1]).toBeCloseTo(inf(7, 25, 4) + inf(5, 25, 4), 10);
  });

  it("starts an SS=1 bolus regimen at the geometric-series steady state", () => {
    const cp = run([{ time: 0, evid: 1, amt: 100, cmt: 2, ii: 12, ss: 1 }, ...obs(0, 6)]);
    const k = 6 / 25;
    const accumulation = 1 / (1 - Math.exp(-k * 12));
    expect(cp[0]).toBeCloseTo(4 * accumulation, 10);
    expect(cp[1]).toBeCloseTo(4 * accumulation * Math.exp(-k * 6), 10);
  });

  it("keeps the SS=1 steady state exact for any size of dose (1e-3 to 1e20), relative to the dose", () => {
    // Doses of 1e9–1e12 are ordinary for a compartment in ng or pg; the fixed point once lost
    // the dose's digits (1e12: 2.5e-5 off, 1e20: 62 % off).
    const k = 6 / 25;
    for (const amt of [1e-3, 1, 1e9, 1e12, 1e15, 1e20]) {
      const cp = run([{ time: 0, evid: 1, amt, cmt: 2, ii: 1, ss: 1 }, ...obs(0.5)]);
      const exact = ((amt / 25) * Math.exp(-k * 0.5)) / (1 - Math.exp(-k * 1));
      expect(Math.abs(cp[0]! / exact - 1), `AMT ${amt}`).toBeLessThan(1e-12);
    }
  });

  it("starts an SS=1 oral regimen with lag at the superposed steady state", () => {
    const cp = run([{ time: 0, evid: 1, amt: 100, cmt: 1, ii: 12, ss: 1 }, ...obs(0, 1, 7)], { ALAG1: 2 });
    // The doses before time 0, back to where they no longer contribute, each delayed by ALAG1 = 2 h.
    const doses = Array.from({ length: 400 }, (_, d) => ({ time: -12 * d, amt: 100, lag: 2 }));
    [0, 1, 7].forEach((t, i) => {
      expect(cp[i]).toBeCloseTo(bateman(t, doses, PK), 9);
    });
  });

  it("starts an SS=1 infusion longer than the interval with its overlapping predecessors", () => {
    const cp = run([{ time: 0, evid: 1, amt: 120, cmt: 2, rate: 6, ii: 12, ss: 1 }, ...obs(0, 5, 11)]);
    const k = 6 / 25;
    const inf = (t: number) => (t <= 0 ? 0 : t <= 20 ? (6 / 6) * (1 - Math.exp(-k * t)) : (1 - Math.exp(-k * 20)) * Math.exp(-k * (t - 20)));
    [0, 5, 11].forEach((t, i) => {
      let c = 0;
      for (let d = 0; d < 400; d++) c += inf(t + 12 * d);
      expect(cp[i]).toBeCloseTo(c, 9);
    });
  });

  it("reaches the constant-infusion steady state R/CL for SS=1 with II 0", () => {
    const cp = run([{ time: 0, evid: 1, amt: 0, cmt: 2, rate: 12, ii: 0, ss: 1 }, ...obs(0, 10)]);
    expect(cp[0]).toBeCloseTo(12 / 6, 10);
    expect(cp[1]).toBeCloseTo(12 / 6, 10);
  });

  it("resets the system with EVID 3 and cancels a running infusion", () => {
    const cp = run([{ time: 0, evid: 1, amt: 100, cmt: 2, rate: 10 }, { time: 2, evid: 3 }, ...obs(2, 5)]);
    expect(cp).toEqual([0, 0]);
  });
});
