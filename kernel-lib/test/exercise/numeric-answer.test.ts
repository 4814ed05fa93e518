import { describe, expect, it } from "vitest";
import { mistake, numericAnswer } from "../../src/exercise/index.js";

// One-compartment IV: CL 5 L/h, V 50 L → ke = 0.1 1/h, t½ = ln 2 / ke = 6.931 h (closed form).
const ke = 5 / 50;
const halfLife = Math.log(2) / ke;

describe("numericAnswer", () => {
  it("takes 0.5 h, 30 min and a bare 0.5 (in the asked unit) as the same answer", () => {
    const expected = { value: 0.5, unit: "h" };
    expect(numericAnswer("0.5 h", expected).passed).toBe(true);
    expect(numericAnswer("30 min", expected).passed).toBe(true);
    expect(numericAnswer({ value: 30, unit: "min" }, expected).passed).toBe(true);
    expect(numericAnswer(0.5, expected).passed).toBe(true);
    expect(numericAnswer("45 min", expected).passed).toBe(false);
  });

  it("accepts 5000 ng/mL for 5 mg/L but calls 5 mg/L for 5 ng/mL a unit error, and says so", () => {
    expect(numericAnswer("5000 ng/mL", "5 mg/L").passed).toBe(true);
    const slip = numericAnswer("5 mg/L", "5 ng/mL");
    expect(slip.passed).toBe(false);
    expect(slip.misconception).toBe("unit error");
    expect(slip.message).toMatch(/unit error/);
    expect(slip.message).toMatch(/ng\/mL/);
  });

  it("reads a rate written as in the model files, 0.1 1/h, as 0.1 h^-1 and 2.4 1/day", () => {
    expect(numericAnswer("0.1 1/h", { value: ke, unit: "1/h" }).passed).toBe(true);
    expect(numericAnswer("2.4 1/day", { value: ke, unit: "1/h" }).passed).toBe(true); // 0.1 per h × 24 h per day
    expect(numericAnswer("1e-1 1/h", { value: ke, unit: "1/h" }).passed).toBe(true);
    expect(numericAnswer("0.2 1/h", { value: ke, unit: "1/h" }).passed).toBe(false);
    expect(() => numericAnswer("0.1 1/mg", { value: ke, unit: "1/h" })).toThrow(/cannot be converted to 1\/h/);
  });

  it("names a quantity of another kind instead of comparing it", () => {
    expect(() => numericAnswer("5 mg", { value: 2, unit: "h" })).toThrow(/cannot be converted to h/);
  });

  it("names the ln 2 mistake without giving the right half-life", () => {
    const outcome = numericAnswer({ value: 1 / ke, unit: "h" }, { value: halfLife, unit: "h" }, { misconceptions: [mistake("ln2Forgotten", { value: 1 / ke, unit: "h" })] });
    expect(outcome).toMatchObject({ passed: false, misconception: "ln 2 forgotten" });
    expect(outcome.message).not.toMatch(/6\.93/);
  });

  it("recognises hours written as minutes (a factor of 60) by itself", () => {
    const outcome = numericAnswer(halfLife * 60, { value: halfLife, unit: "h" });
    expect(outcome).toMatchObject({ passed: false, misconception: "hours vs minutes" });
  });

  it("names ke used for CL, an unconverted mg/kg dose, ignored F and τ off by one when the author lists them", () => {
    // CL = ke · V = 0.1 · 50 = 5 L/h; a student giving ke (0.1) gave "ke for CL".
    expect(numericAnswer(0.1, { value: 5, unit: "L/h" }, { misconceptions: [mistake("keForCl", 0.1)] }).misconception).toBe("ke used for CL");
    // 5 mg/kg for 70 kg is 350 mg; "5" is the unconverted dose.
    expect(numericAnswer("5 mg", "350 mg", { misconceptions: [mistake("doseNotPerKg", "5 mg")] }).misconception).toBe("dose not converted from mg/kg");
    // AUC = F · D / CL = 0.6 · 100 / 5 = 12 mg·h/L; with F ignored 20.
    expect(numericAnswer(20, { value: 12, unit: "mg*h/L" }, { misconceptions: [mistake("fIgnored", 20)] }).misconception).toBe("F ignored");
    // The 4th dose of q12h is at 36 h; counting 4 intervals gives 48 h.
    expect(numericAnswer("48 h", "36 h", { misconceptions: [mistake("tauOffByOne", "48 h")] }).misconception).toBe("τ off by one interval");
  });

  it("fails an answer off by more than the tolerance without a misconception, and reads undefined as no answer", () => {
    const off = numericAnswer(7.2, { value: halfLife, unit: "h" }, { rtol: 0.02 });
    expect(off.passed).toBe(false);
    expect(off.misconception).toBeUndefined();
    expect(numericAnswer(7.0, { value: halfLife, unit: "h" }, { rtol: 0.02 }).passed).toBe(true);
    expect(() => numericAnswer(undefined, "1 h")).toThrow(/no answer yet/);
  });

  it("compares a dimensionless answer (unit \"1\", e.g. a fraction of observations) as a plain number", () => {
    // 55 of 66 observations inside an interval: the fraction 5/6.
    const expected = { value: 55 / 66, unit: "1" };
    expect(numericAnswer(5 / 6, expected, { atol: 0.005 }).passed).toBe(true);
    expect(numericAnswer("0.8333", expected, { atol: 0.005 }).passed).toBe(true);
    const wrong = numericAnswer(56 / 66, expected, { rtol: 0, atol: 0.005, misconceptions: [{ name: "training data", message: "that is another set", value: { value: 56 / 66, unit: "1" } }] });
    expect(wrong).toMatchObject({ passed: false, misconception: "training data" });
    expect(wrong.message).toBe("0.8485 is not right. that is another set");
    expect(() => numericAnswer("83 mg", expected)).toThrow(/should be a plain number \(a dimensionless quantity/);
  });

  it("compares a dimensionless answer (a count, a ratio) as a plain number, with its misconceptions", () => {
    // Accumulation ratio of a one-compartment model dosed every τ = 12 h with t½ = 6.931 h: 1/(1 − e^(−ke·τ)) (closed form).
    const r = 1 / (1 - Math.exp(-ke * 12));
    expect(numericAnswer(r, r).passed).toBe(true);
    expect(numericAnswer(String(r), r).passed).toBe(true);
    expect(numericAnswer(r * 1.05, r).passed).toBe(false);
    const wrong = 1 / (1 - Math.exp(-halfLife * 12));
    expect(numericAnswer(wrong, r, { misconceptions: [{ name: "t½ for ke", message: "use ke", value: wrong }] })).toMatchObject({ passed: false, misconception: "t½ for ke" });
    expect(numericAnswer(12, 12, { rtol: 0 }).message).toBe("12 is right");
  });

  it("refuses a quantity with a unit where a plain number is asked, and a unit-less expected text", () => {
    expect(() => numericAnswer("5 mg", 5)).toThrow(/plain number/);
    expect(() => numericAnswer(5, "5")).toThrow(/give the expected value a unit/);
  });

  it("asks for a plain number with unit \"\": a ratio is right bare or as text, and an answer with a unit is named", () => {
    // ω² of a log-normal parameter with a CV of 40 %: ln(1 + 0.4²) = 0.14842 (closed form).
    const omega2 = Math.log(1 + 0.4 ** 2);
    expect(numericAnswer(0.1484, omega2, { unit: "" })).toEqual({ passed: true, message: "0.1484 is right" });
    expect(numericAnswer("0.1484", omega2, { unit: "" }).passed).toBe(true);
    // The standard deviation 0.4 where the variance is asked: a listed misconception.
    expect(numericAnswer(0.4, omega2, { unit: "", misconceptions: [{ name: "ω vs ω²", message: "variance asked", value: 0.4 }] }).misconception).toBe("ω vs ω²");
    expect(() => numericAnswer("0.15 mg", omega2, { unit: "" })).toThrow(/should be a plain number/);
  });
});
