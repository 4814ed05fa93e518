import { describe, expect, it } from "vitest";
import { parseRegimen, Regimen } from "../../src/dosing/index.js";

describe("Regimen", () => {
  it("builds NONMEM dose records fluently and leaves the original unchanged", () => {
    const empty = Regimen.empty();
    const r = empty.dose(100, { at: 0, every: 12, times: 14, cmt: 1, over: 1 });
    expect(empty.doses()).toEqual([]);
    expect(r.doses()).toEqual([{ time: 0, amount: 100, cmt: 1, rate: 100, ii: 12, addl: 13, ss: 0, unit: "mg" }]);
    expect(empty.dose(60, { rate: 120 }).doses()[0].rate).toBe(120);
  });

  it("keeps records in time order and same-time records in the order added", () => {
    const r = Regimen.empty().dose(5, { at: 24 }).dose(1, { at: 0 }).dose(2, { at: 0 });
    expect(r.doses().map((d) => d.amount)).toEqual([1, 2, 5]);
  });

  it("starts a then-block one interval after the last dose", () => {
    const r = Regimen.empty().dose(400).then(200, { every: 24, times: 6 }).then(100, { after: 48 });
    expect(r.doses().map((d) => [d.time, d.amount, d.ii, d.addl])).toEqual([
      [0, 400, 0, 0],
      [24, 200, 24, 5],
      // last maintenance dose at 24 + 5 × 24 = 144 h, then 48 h later
      [192, 100, 0, 0],
    ]);
    expect(Regimen.empty().then(100).doses()[0].time).toBe(0);
    expect(() => Regimen.empty().dose(1).then(2)).toThrow(/give `after`/);
  });

  it("gives the last dose time and a default end one interval later", () => {
    const r = parseRegimen("100 mg q12h x 14");
    expect(r.lastDoseTime()).toBe(156);
    expect(r.end()).toBe(168);
    // No interval: 24 h after the last dose, but never before its infusion ends.
    expect(parseRegimen("100 mg at 0, 12 h").end()).toBe(36);
    expect(Regimen.empty().dose(100, { over: 48 }).end()).toBe(48);
    expect(() => Regimen.empty().end()).toThrow(/no doses/);
  });

  it("moves every dose to another compartment with withCmt", () => {
    const r = parseRegimen("loading 400 mg then 200 mg q24h x 6").withCmt(2);
    expect(r.doses().map((d) => d.cmt)).toEqual([2, 2]);
    expect(() => r.withCmt(0)).toThrow(/withCmt\(0\)/);
  });

  it("writes canonical text that parses back to an equal regimen", () => {
    const regimens = [
      Regimen.empty(),
      Regimen.empty().dose(400).then(200, { every: 24, times: 6 }).dose(50, { at: 200, over: 2, cmt: 2 }),
      Regimen.empty().dose(0.1, { at: [0, 12.5, 36], route: "iv" }),
      Regimen.empty().dose(100, { rate: 300, every: 8, times: 2, steadyState: true }),
      Regimen.empty().dose(1, { rate: 49, every: 0.1, times: 1 }),
    ];
    for (const r of regimens) {
      const back = parseRegimen(r.toString());
      expect(back.doses()).toEqual(r.doses());
      expect(back.equals(r)).toBe(true);
      expect(back.toString()).toBe(r.toString());
    }
    expect(regimens[1].toString()).toBe("400 mg at 0 h; 200 mg q24h x 6 at 24 h; 50 mg over 2 h at 200 h into cmt 2");
    expect(regimens[2].toString()).toBe("0.1 mg at 0, 12.5, 36 h iv");
    expect(regimens[0].toString()).toBe("none");
    // 1 / (1 / 49) is not exactly 49 in floating point, so the rate itself is written.
    expect(1 / (1 / 49)).not.toBe(49);
    expect(regimens[4].toString()).toBe("1 mg rate 49 mg/h q0.1h x 1 at 0 h");
  });

  it("writes amounts in mg whatever unit the text used", () => {
    expect(parseRegimen("1 g q12h x 2").toString()).toBe("1000 mg q12h x 2 at 0 h");
  });

  it("rejects out-of-range options naming the option and value", () => {
    expect(() => Regimen.empty().dose(100, { times: 3 })).toThrow("dose option every = undefined: expected the interval (h) between the 3 doses");
    expect(() => Regimen.empty().dose(-1)).toThrow("dose option amount = -1");
    expect(() => Regimen.empty().dose(1, { every: 0, times: 2 })).toThrow("dose option every = 0");
    expect(() => Regimen.empty().dose(1, { over: 1, rate: 1 })).toThrow(/one or the other/);
    expect(() => Regimen.empty().dose(1, { at: [0, NaN] })).toThrow("dose option at[1] = NaN");
    expect(() => Regimen.empty().dose(1, { times: 1.5, every: 2 })).toThrow("dose option times = 1.5");
  });
});
