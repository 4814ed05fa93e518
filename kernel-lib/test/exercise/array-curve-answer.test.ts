import { describe, expect, it } from "vitest";
import { simulate } from "../../src/index.js";
import { arrayAnswer, curveAnswer, mistake } from "../../src/exercise/index.js";

// Bateman function (one-compartment oral, first-order absorption):
// C(t) = F·D·KA / (V·(KA − k)) · (e^(−k t) − e^(−KA t)), k = CL/V.
function bateman(t: number, F: number, D: number, KA: number, CL: number, V: number): number {
  const k = CL / V;
  return ((F * D * KA) / (V * (KA - k))) * (Math.exp(-k * t) - Math.exp(-KA * t));
}
const times = Array.from({ length: 25 }, (_, i) => i);
const params = { KA: 1.2, CL: 4, V: 40, F1: 0.6 };

describe("arrayAnswer", () => {
  it("passes equal arrays, counts values off, and names a wrong length", () => {
    expect(arrayAnswer([1, 2, 3], new Float64Array([1, 2, 3.001])).passed).toBe(true);
    expect(arrayAnswer([1, 2, 4, 5], [1, 2, 3, 4]).message).toMatch(/2 of 4 values.*index 2/);
    expect(arrayAnswer([1, 2], [1, 2, 3]).message).toMatch(/2 values, 3 expected/);
    expect(() => arrayAnswer([1, "2"], [1, 2])).toThrow(/\[1\] is string/);
  });
});

describe("curveAnswer", () => {
  const reference = simulate("pk1cmt_oral", { regimen: "100 mg", times, params });

  it("passes a curve equal to the closed-form Bateman concentrations", () => {
    const values = times.map((t) => bateman(t, 0.6, 100, 1.2, 4, 40));
    expect(curveAnswer({ time: times, values }, reference, { rtol: 1e-6 }).passed).toBe(true);
  });

  it("names ignored bioavailability when the curve is the one with F = 1", () => {
    const fIgnored = { time: times, values: times.map((t) => bateman(t, 1, 100, 1.2, 4, 40)) };
    const student = simulate("pk1cmt_oral", { regimen: "100 mg", times, params: { ...params, F1: 1 } });
    const outcome = curveAnswer(student, reference, { misconceptions: [mistake("fIgnored", fIgnored)] });
    expect(outcome).toMatchObject({ passed: false, misconception: "F ignored" });
  });

  it("asks for the time grid when the curve lacks a reference time", () => {
    expect(curveAnswer({ time: [0, 2, 4], values: [0, 1, 2] }, reference).message).toMatch(/no value at 1 h/);
  });
});
