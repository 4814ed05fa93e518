import { describe, expect, it } from "vitest";
import { expandDoses } from "../../src/dosing/index.js";
import type { DoseEvent } from "../../src/dosing/index.js";

const dose = (over: Partial<DoseEvent>): DoseEvent => ({ time: 0, amount: 100, cmt: 1, rate: 0, ii: 0, addl: 0, ss: 0, ...over });

describe("expandDoses", () => {
  it("turns ADDL repeats into single doses at TIME + k·II", () => {
    expect(expandDoses([dose({ time: 2, ii: 12, addl: 2 })])).toEqual([
      dose({ time: 2, ii: 12 }),
      dose({ time: 14, ii: 12 }),
      dose({ time: 26, ii: 12 }),
    ]);
  });

  it("sorts by time and keeps the input order of doses at the same time", () => {
    const out = expandDoses([dose({ amount: 1, ii: 12, addl: 1 }), dose({ amount: 2, time: 12 }), dose({ amount: 3, time: 6 })]);
    expect(out.map((d) => [d.time, d.amount])).toEqual([[0, 1], [6, 3], [12, 1], [12, 2]]);
  });

  it("keeps steady state on the first dose only and computes times without drift", () => {
    const out = expandDoses([dose({ ii: 0.1, addl: 30, ss: 1 })]);
    expect(out.map((d) => d.ss)).toEqual([1, ...Array(30).fill(0)]);
    expect(out[30].time).toBe(30 * 0.1);
    expect(out.every((d) => d.addl === 0)).toBe(true);
  });
});
