import { describe, expect, it } from "vitest";
import { answersFrom, runCheck, type Check } from "@pmxlab/kernel/exercise";
import * as qsp from "../../../courses/qsp/checks.js";

// The qsp course's checks name the mistakes students make. course-checks.test.ts proves that
// every check passes on the solution and fails on the stub; this file proves that the wrong
// answers of the common mistakes, worked out here by hand from the models' parameters (closed
// forms, not the checks' code), are recognised and named.

async function misconceptionsOf(check: Check, answers: Record<string, unknown>): Promise<(string | undefined)[]> {
  const result = await runCheck(check, answersFrom(answers));
  return result.items.map((item) => (item.passed ? "passed" : item.misconception));
}

// Parameter values of the built-in models (kernel-lib/src/library/models/*.ts).
const TMDD = { KON: 10 /* 1/(nM·h) */, KOFF: 1 /* 1/h */, KINT: 0.05 /* 1/h */ };
const SIMEONI = { LAMBDA0: 0.273 /* 1/day */, LAMBDA1: 0.814 /* g/day */, K2: 0.629 /* L/(mg·day) */, CL: 2 /* L/day */ };
const MTT = 89; // h, friberg

describe("qsp course checks name the common mistakes", () => {
  it("KD written as kon/koff, and KSS without internalisation", async () => {
    expect(await misconceptionsOf(qsp.tmddConstants, { KD: TMDD.KON / TMDD.KOFF, KSS: TMDD.KOFF / TMDD.KON })).toEqual(["KON/KOFF", "internalisation left out"]);
    expect(await misconceptionsOf(qsp.tmddConstants, { KD: "0.1 nM", KSS: "105 pM" })).toEqual(["passed", "passed"]);
  });

  it("0.1 mg/kg for 70 kg: 7 mg dosed as 7 nmol, or 0.1 mg not multiplied by the weight", async () => {
    const nmolPerMg = 1e-3 / 146000 * 1e9; // IgG1, 146 kDa
    expect(await misconceptionsOf(qsp.tmddDose, { doseNmol: 7 })).toEqual(["mg dosed as nmol"]);
    expect(await misconceptionsOf(qsp.tmddDose, { doseNmol: 0.1 * nmolPerMg })).toEqual(["dose not converted from mg/kg"]);
    expect(await misconceptionsOf(qsp.tmddDose, { doseNmol: 7 * nmolPerMg })).toEqual(["passed"]);
  });

  it("a clearance that does not change with the dose is the linear-extrapolation mistake", async () => {
    const result = await runCheck(qsp.tmddClearanceCheck, answersFrom({ clApparent: () => 2.728 /* L/h, the 1-nmol value */ }));
    expect(result.items[0].passed).toBe(true);
    expect(result.items[1].misconception).toBe("linear extrapolation");
  });

  it("Simeoni: ln 2 forgotten, days read as hours, the linear rate for λ0, CL read per hour", async () => {
    expect(await misconceptionsOf(qsp.growthPhases, { doublingTime: 1 / SIMEONI.LAMBDA0, wSwitch: SIMEONI.LAMBDA0 / SIMEONI.LAMBDA1 })).toEqual(["ln 2 forgotten", "ratio inverted"]);
    expect(await misconceptionsOf(qsp.growthPhases, { doublingTime: `${Math.LN2 / SIMEONI.LAMBDA0} h`, wSwitch: SIMEONI.LAMBDA1 / SIMEONI.LAMBDA0 })).toEqual(["λ0 read per hour", "passed"]);
    const cts = SIMEONI.LAMBDA0 / SIMEONI.K2; // mg/L
    expect(await misconceptionsOf(qsp.tumourStatic, { cTS: SIMEONI.LAMBDA1 / SIMEONI.K2, infusionRate: `${SIMEONI.CL * cts} mg/h` })).toEqual(["linear growth rate used", "CL read per hour"]);
    expect(await misconceptionsOf(qsp.tumourStatic, { cTS: `${cts * 1000} ng/mL`, infusionRate: SIMEONI.CL * cts })).toEqual(["passed", "passed"]);
  });

  it("a schedule written in hours is named, and the same doses written another way pass", async () => {
    expect(await misconceptionsOf(qsp.scheduleRegimen, { scheduleB: "4 mg q4h x 3 at 9 h" })).toEqual(["hours for days"]);
    expect(await misconceptionsOf(qsp.scheduleRegimen, { scheduleB: "4 mg at 9, 13, 17 d" })).toEqual(["passed"]);
  });

  it("Friberg: ktr as 1/MTT or 3/MTT, the nadir at MTT", async () => {
    expect(await misconceptionsOf(qsp.transitRate, { ktr: 1 / MTT })).toEqual(["one compartment"]);
    expect(await misconceptionsOf(qsp.transitRate, { ktr: 3 / MTT })).toEqual(["proliferating compartment left out"]);
    const result = await runCheck(qsp.nadir, answersFrom({ nadirAnc: 1, nadirTime: MTT }));
    expect(result.items[1].misconception).toBe("nadir time taken as MTT");
  });

  it("twin growth rate: log10 instead of ln, and a rate per hour, from data whose slope is known", async () => {
    // ln w − ln 0.05 = 0, 0.7, 1.2 at t = 0, 2, 4 days: the least-squares slope is
    // Σ(t − 2)(y − ȳ)/Σ(t − 2)² = (2·0.6333 + 2·0.5667)/8 = 0.3 per day; log10 divides it by ln 10.
    const obsDay = [0, 2, 4];
    const obsWeight = [0.05, 0.05 * Math.exp(0.6 + 0.1), 0.05 * Math.exp(1.2)];
    expect(await misconceptionsOf(qsp.twinGrowthRate, { obsDay, obsWeight, lambda0Twin: 0.3 })).toEqual(["passed"]);
    expect(await misconceptionsOf(qsp.twinGrowthRate, { obsDay, obsWeight, lambda0Twin: 0.3 / Math.LN10 })).toEqual(["log10 for ln"]);
    expect(await misconceptionsOf(qsp.twinGrowthRate, { obsDay, obsWeight, lambda0Twin: "0.3 1/h" })).toEqual(["per hour"]);
  });

  it("speed-up inverted, and a speed-up of 1 is too small", async () => {
    expect(await misconceptionsOf(qsp.speedUp, { fullMs: 2, emulatorMs: 0.004, speedUp: 0.002 })).toEqual(["inverted ratio", undefined]);
    expect(await misconceptionsOf(qsp.speedUp, { fullMs: 2, emulatorMs: 0.004, speedUp: 500 })).toEqual(["passed", "passed"]);
    expect((await runCheck(qsp.speedUp, answersFrom({ fullMs: 1, emulatorMs: 1, speedUp: 1 }))).passed).toBe(false);
  });

  it("an emulator that ignores its inputs fails at the check's own points", async () => {
    const result = await runCheck(qsp.emulator, answersFrom({ lambda0Twin: SIMEONI.LAMBDA0, emulate: () => 1, heldOut: [{ dose: 2, k2: 0.6 }], rmsErrorPct: 0 }));
    expect(result.items.map((i) => i.passed)).toEqual([false, false]);
  });
});
