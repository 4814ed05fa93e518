import { describe, expect, it } from "vitest";
import { NcaError, ncaSteadyState } from "../../src/nca/index.js";

// One-compartment IV bolus at steady state (Gibaldi & Perrier, Pharmacokinetics, 2nd ed., 1982,
// ch. 3; Rowland & Tozer, 4th ed., 2011, ch. 11): D = 100 mg every τ = 12 h, V = 10 L,
// k = 0.1 /h (CL = 1 L/h). C(t) = (D/V)·e^(−kt)/(1 − e^(−kτ)) for 0 ≤ t ≤ τ.
const D = 100;
const V = 10;
const k = 0.1;
const tau = 12;
const R = 1 / (1 - Math.exp(-k * tau));
const css = (t: number) => (D / V) * Math.exp(-k * t) * R;

describe("steady-state NCA of a one-compartment IV bolus", () => {
  const time = [0, 1, 2, 4, 6, 8, 12];
  // The pre-dose sample is the trough of the previous interval, C(τ).
  const conc = time.map((t) => (t === 0 ? css(tau) : css(t)));
  const ss = ncaSteadyState({ time, conc, dose: D, tau, route: "iv-bolus" });

  it("AUCτ at steady state equals D/CL (log-down trapezoids are exact on an exponential)", () => {
    expect(ss.auctau).toBeCloseTo(D / (k * V), 9);
    expect(ss["cl.ss"]).toBeCloseTo(k * V, 9);
  });

  it("Cav = D/(CL·τ), Cmax = (D/V)·R, Cmin = Ctrough = (D/V)·R·e^(−kτ)", () => {
    expect(ss.cav).toBeCloseTo(D / (k * V * tau), 9);
    expect(ss.cmax).toBeCloseTo((D / V) * R, 9);
    expect(ss.tmax).toBe(0);
    expect(ss.cmin).toBeCloseTo((D / V) * R * Math.exp(-k * tau), 12);
    expect(ss.ctrough).toBeCloseTo((D / V) * R * Math.exp(-k * tau), 12);
  });

  it("fluctuation is 100·(Cmax − Cmin)/Cav and swing (Cmax − Cmin)/Cmin = e^(kτ) − 1", () => {
    const cmax = (D / V) * R;
    const cmin = cmax * Math.exp(-k * tau);
    expect(ss.fluctuation).toBeCloseTo((100 * (cmax - cmin)) / (D / (k * V * tau)), 7);
    expect(ss.swing).toBeCloseTo(Math.exp(k * tau) - 1, 9);
    expect(ss.ptr).toBeCloseTo(Math.exp(k * tau), 9);
  });

  it("the accumulation index from λz is 1/(1 − e^(−kτ)), and Rac from the first-dose AUCτ agrees", () => {
    expect(ss["accumulation.index"]).toBeCloseTo(R, 9);
    expect(ss["half.life"]).toBeCloseTo(Math.LN2 / k, 9);
    const firstDoseAuc = ((D / V) * (1 - Math.exp(-k * tau))) / k;
    const withFirst = ncaSteadyState({ time, conc, dose: D, tau, route: "iv-bolus", firstDoseAuc });
    expect(withFirst.rac).toBeCloseTo(R, 9);
    expect(ss.rac).toBeNaN();
    expect(ss.exclude.rac).toMatch(/firstDoseAuc/);
  });
});

describe("steady-state NCA of an oral profile", () => {
  // Hand-made samples over one 24 h interval, dose at 48 h.
  const time = [48, 49, 50, 52, 56, 60, 66, 72];
  const conc = [2, 6, 9, 8, 6, 4.5, 3, 1.5];
  const ss = ncaSteadyState({ time, conc, dose: 200, tau: 24, doseTime: 48 }, { aucMethod: "linear" });

  it("AUCτ is the linear trapezoid sum over the interval and Cav = AUCτ/τ", () => {
    let auc = 0;
    for (let i = 0; i + 1 < time.length; i++) auc += ((time[i + 1] - time[i]) * (conc[i] + conc[i + 1])) / 2;
    expect(ss.auctau).toBeCloseTo(auc, 12);
    expect(ss.cav).toBeCloseTo(auc / 24, 12);
  });

  it("Cmax, Tmax (after the dose), Cmin and Ctrough come from the interval's samples", () => {
    expect(ss.cmax).toBe(9);
    expect(ss.tmax).toBe(2);
    expect(ss.cmin).toBe(1.5);
    expect(ss.ctrough).toBe(1.5);
    expect(ss.swing).toBeCloseTo((9 - 1.5) / 1.5, 12);
  });

  it("Ctrough between samples is read on the segment's curve (log-down: geometric interpolation)", () => {
    const late = ncaSteadyState({ time: [0, 2, 10, 14], conc: [3, 9, 4, 1], tau: 12 });
    expect(late.ctrough).toBeCloseTo(Math.sqrt(4 * 1), 12);
  });

  it("refuses a profile without a pre-dose sample or not reaching dose + τ, naming what is missing", () => {
    expect(() => ncaSteadyState({ time: [1, 2, 24], conc: [5, 4, 1], tau: 24 })).toThrow(NcaError);
    expect(() => ncaSteadyState({ time: [1, 2, 24], conc: [5, 4, 1], tau: 24 })).toThrow(/sample at the dose time 0/);
    expect(() => ncaSteadyState({ time: [0, 2, 12], conc: [5, 4, 1], tau: 24, id: 7 })).toThrow(/ID 7: .*dose \+ τ = 24/);
    expect(() => ncaSteadyState({ time: [0, 2, 12], conc: [5, 4, 1], tau: 0 })).toThrow(/tau = 0/);
  });
});
