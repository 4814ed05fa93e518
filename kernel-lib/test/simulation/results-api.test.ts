import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { parseModel, readDataset, show, simulate } from "../../src/index.js";

// pk1cmt_iv defaults: CL 6 L/h, V 25 L, so k = 0.24 /h; 600 mg gives C0 = 24 mg/L.
const iv = (t: number, cl = 6, v = 25, dose = 600) => (dose / v) * Math.exp((-cl / v) * t);

/** One-compartment oral (Bateman): C(t) and its AUC over [0, T] (Gibaldi & Perrier 1982, ch. 1). */
const KA = 1.1;
const CL = 6;
const V = 25;
const k = CL / V;
const bateman = (t: number) => ((100 * KA) / (V * (KA - k))) * (Math.exp(-k * t) - Math.exp(-KA * t));
const batemanAuc = (T: number) => ((100 * KA) / (V * (KA - k))) * ((1 - Math.exp(-k * T)) / k - (1 - Math.exp(-KA * T)) / KA);

describe("per-subject results", () => {
  const sim = simulate("pk1cmt_iv", { regimen: "600 mg", times: [0, 6, 12], subjects: [{ CL: 6 }, { CL: 3 }, { CL: 12 }] });

  it("subject(id) holds that subject's rows only, and subjects() all of them in order", () => {
    const two = sim.subject(2);
    expect(Array.from(two.id)).toEqual([2, 2, 2]);
    expect(Array.from(two.time)).toEqual([0, 6, 12]);
    expect(two.outputs.CP[2]).toBeCloseTo(iv(12, 3), 12);
    expect(sim.subjects().map((s) => s.id[0])).toEqual([1, 2, 3]);
    expect(() => sim.subject(9)).toThrow(/no subject 9 in this simulation; subjects: 1, 2, 3/);
  });

  it("at(t) re-simulates exactly at t for each subject, not a line between the grid rows", () => {
    const at = sim.at(1.5);
    expect(Array.from(at.id)).toEqual([1, 2, 3]);
    [6, 3, 12].forEach((cl, s) => expect(at.outputs.CP[s]).toBeCloseTo(iv(1.5, cl), 12));
    // A straight line between the rows at 0 and 6 h would be 24 − 1.5·(24 − 5.69)/6 ≈ 19.4 for subject 1.
    expect(Math.abs(at.outputs.CP[0] - 19.42)).toBeGreaterThan(1);
    const own = sim.subject(3).at([2, 1]);
    expect(Array.from(own.id)).toEqual([3, 3]);
    expect(Array.from(own.time)).toEqual([1, 2]);
    expect(own.outputs.CP[1]).toBeCloseTo(iv(2, 12), 12);
  });
});

describe("exposure from the solution", () => {
  const oral = simulate("pk1cmt_oral", { regimen: "100 mg", times: [0, 12, 24] });

  it("auc() integrates the solution: Bateman's AUC over [0, 24] h on a 3-point grid", () => {
    expect(oral.auc()[0]).toBeCloseTo(batemanAuc(24), 10);
    expect(oral.auc({ from: 2, to: 10 })[0]).toBeCloseTo(batemanAuc(10) - batemanAuc(2), 10);
    expect(oral.auc({ to: 2000 })[0]).toBeCloseTo(100 / CL, 10);
    expect(() => oral.auc({ to: Infinity })).toThrow(/finite `to`/);
  });

  it("auc() over a steady-state interval is F·dose/CL (the AUC state has no steady state of its own)", () => {
    // Rowland & Tozer: at steady state the AUC over one interval τ equals F·dose/CL.
    const params = { KA: 1, CL: 67.2, V: 301, F1: 0.26 };
    const ss = simulate("pk1cmt_oral", { regimen: "80 mg q12h x 3 ss", times: [0, 36], params });
    expect(ss.auc({ from: 0, to: 12 })[0]).toBeCloseTo((0.26 * 80) / 67.2, 12);
    // Any window of one interval, not only the one starting at a dose.
    expect(ss.auc({ from: 3, to: 15 })[0]).toBeCloseTo((0.26 * 80) / 67.2, 12);
    // SS=2 on top of a dose given earlier: that dose's AUC over the interval is added.
    const both = simulate("pk1cmt_iv", { regimen: [{ time: 0, amount: 100, cmt: 1, rate: 0, ii: 0, addl: 0, ss: 0 }, { time: 0, amount: 50, cmt: 1, rate: 0, ii: 6, addl: 0, ss: 2 }], times: [0, 6] });
    const earlier = (100 / CL) * (1 - Math.exp(-k * 6));
    expect(both.auc({ from: 0, to: 6 })[0]).toBeCloseTo(earlier + 50 / CL, 10);
  });

  it("auc() at steady state of a nonlinear model: Michaelis–Menten elimination removes exactly one dose per interval", () => {
    const mm = parseModel(`$MODEL mm_iv
$DESCRIPTION one-compartment, Michaelis–Menten elimination
$TIME h
$PARAMETERS
VMAX = 20 : mg/h : maximum elimination rate
KM = 4 : mg/L : concentration at half VMAX
V = 25 : L : volume
$COMPARTMENTS
central : mg : central compartment
$ODE
d/dt(central) = -VMAX*(central/V)/(KM + central/V)
$OUTPUTS
CP = central/V : mg/L : plasma concentration
ELIM = VMAX*(central/V)/(KM + central/V) : mg/h : elimination rate
`);
    expect(mm.linear).toBe(false);
    const ss = simulate(mm, { regimen: "100 mg q12h x 1 ss", times: [0, 12] }, { rtol: 1e-10, atol: 1e-12 });
    // At steady state the amount eliminated over an interval, ∫ELIM dt, is the dose.
    expect(ss.auc({ output: "ELIM", from: 0, to: 12 })[0]).toBeCloseTo(100, 5);
  });

  it("peak() finds Bateman's Tmax = ln(KA/k)/(KA − k) and Cmax between the grid points", () => {
    const tmax = Math.log(KA / k) / (KA - k);
    const { cmax, tmax: found } = oral.peak();
    expect(found[0]).toBeCloseTo(tmax, 6);
    expect(cmax[0]).toBeCloseTo(bateman(tmax), 12);
  });

  it("peak() of repeated IV boluses is right after the last dose, not interpolated across it", () => {
    const sim = simulate("pk1cmt_iv", { regimen: "600 mg q12h x 3", times: [0, 30] });
    const { cmax, tmax } = sim.peak();
    expect(tmax[0]).toBe(24);
    expect(cmax[0]).toBeCloseTo(iv(0) * (1 + Math.exp(-0.24 * 12) + Math.exp(-0.24 * 24)), 10);
  });

  it("timeAbove() finds the exact crossing times: repeated IV boluses above 12 mg/L", () => {
    // After dose n (q12h) the level starts at 24·Σ e^(−0.24·12·i), i < n, and falls at 0.24 /h.
    const starts = [1, 1 + Math.exp(-2.88), 1 + Math.exp(-2.88) + Math.exp(-5.76)].map((f) => 24 * f);
    const expected = starts.reduce((sum, c) => sum + Math.log(c / 12) / 0.24, 0);
    const sim = simulate("pk1cmt_iv", { regimen: "600 mg q12h x 3", times: [0, 36] });
    expect(sim.timeAbove(12)[0]).toBeCloseTo(expected, 8);
    expect(() => sim.timeAbove(NaN)).toThrow(/threshold NaN/);
  });

  it("timeAbove() of an oral dose: both crossings of Bateman's curve, found independently here by bisection", () => {
    const c = 2.5;
    const root = (lo: number, hi: number) => {
      for (let i = 0; i < 200; i++) {
        const m = (lo + hi) / 2;
        if ((bateman(m) - c) * (bateman(lo) - c) > 0) lo = m;
        else hi = m;
      }
      return (lo + hi) / 2;
    };
    const tmax = Math.log(KA / k) / (KA - k);
    expect(oral.timeAbove(c)[0]).toBeCloseTo(root(tmax, 24) - root(0, tmax), 8);
  });

  it("a dataset simulation refuses at(), auc() and peak() with the reason", () => {
    const data = readDataset("ID,TIME,EVID,AMT,DV\n1,0,1,100,.\n1,2,0,0,1\n");
    const sim = simulate("pk1cmt_iv", { data });
    expect(() => sim.at(1)).toThrow(/follows a dataset/);
    expect(() => sim.auc()).toThrow(/follows a dataset/);
  });
});

describe("table view", () => {
  const sim = simulate("pk1cmt_iv", { regimen: "600 mg", times: { end: 24, step: 1 } });

  it("text and HTML tables show the head and tail rows and the size", () => {
    const table = sim.toTable({ maxRows: 4 });
    const lines = table["text/plain"].split("\n");
    expect(lines[0].trim().split(/\s+/)).toEqual(["ID", "TIME", "CP"]);
    expect(lines[1].trim().split(/\s+/)).toEqual(["1", "0", "24"]);
    expect(lines[3].trim().split(/\s+/)).toEqual(["…", "…", "…"]);
    expect(lines.at(-1)).toBe("[25 rows × 3 columns]");
    expect(table["text/html"]).toMatch(/^<table class="pmxlab-table"><thead><tr><th>ID<\/th><th>TIME<\/th><th>CP<\/th>/);
    expect(table["text/html"].match(/<tr>/g)).toHaveLength(6);
  });

  it("show() takes the table bundle (outside tslab it returns it unchanged)", () => {
    const table = sim.toTable();
    expect(show(table)).toBe(table);
  });

  it("util.inspect (console.log, a notebook cell's last value) shows the table, not the arrays", () => {
    const text = inspect(sim);
    expect(text).toMatch(/^Simulation of pk1cmt_iv \(closed-form\)\n/);
    expect(text).toMatch(/\[25 rows × 3 columns\]$/);
    expect(text).not.toMatch(/Float64Array/);
  });
});
