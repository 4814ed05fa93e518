import { describe, expect, it } from "vitest";
import { parseRegimen, Regimen } from "../../src/dosing/index.js";

const bolus = { cmt: 1, rate: 0, ss: 0 };

describe("parseRegimen", () => {
  it('reads "100 mg q12h x 14" as 14 doses every 12 h', () => {
    expect(parseRegimen("100 mg q12h x 14").doses()).toEqual([{ time: 0, amount: 100, ii: 12, addl: 13, ...bolus }]);
  });

  it('reads "loading 400 mg then 200 mg q24h x 6" with maintenance from 24 h', () => {
    expect(parseRegimen("loading 400 mg then 200 mg q24h x 6").doses()).toEqual([
      { time: 0, amount: 400, ii: 0, addl: 0, ...bolus },
      { time: 24, amount: 200, ii: 24, addl: 5, ...bolus },
    ]);
  });

  it('reads "500 mg over 1h q8h x 9" as 1-hour infusions at 500 mg/h', () => {
    expect(parseRegimen("500 mg over 1h q8h x 9").doses()).toEqual([{ time: 0, amount: 500, cmt: 1, rate: 500, ii: 8, addl: 8, ss: 0 }]);
  });

  it("converts units: 1 g is 1000 mg, 30 min is 0.5 h, 7 days of q12h is 14 doses", () => {
    expect(parseRegimen("1 g over 30 min").doses()[0]).toMatchObject({ amount: 1000, rate: 2000 });
    expect(parseRegimen("250 ug q12h for 7 days").doses()[0]).toMatchObject({ amount: 0.25, addl: 13, ii: 12 });
    expect(parseRegimen("5 mg q1d x 3").doses()[0]).toMatchObject({ ii: 24, addl: 2 });
  });

  it("reads explicit dose times and a compartment", () => {
    expect(parseRegimen("200 mg at 0, 12, 36 h into cmt 2").doses().map((d) => [d.time, d.cmt])).toEqual([[0, 2], [12, 2], [36, 2]]);
  });

  it("names the part it cannot read and lists the accepted forms", () => {
    expect(() => parseRegimen("100 mg q12h x 14 with food")).toThrow(/cannot read "with food"; accepted forms/);
    expect(() => parseRegimen("q12h x 3")).toThrow(/no dose amount/);
    expect(() => parseRegimen("100 mg q12h")).toThrow(/needs a count/);
  });

  it("writes canonical text that parses back to the same regimen", () => {
    const regimen = Regimen.empty().dose(400).dose(200, { at: 24, every: 24, times: 6 }).dose(50, { at: 200, over: 2, cmt: 2 });
    expect(parseRegimen(regimen.toString()).doses()).toEqual(regimen.doses());
    expect(regimen.lastDoseTime()).toBe(200);
    expect(regimen.end()).toBe(224);
  });

  it("rejects a repeated dose without an interval", () => {
    expect(() => Regimen.empty().dose(100, { times: 3 })).toThrow(/repeated doses need `every` > 0/);
  });
});
