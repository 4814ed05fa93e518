import { describe, expect, it } from "vitest";
import { MAX_DOSES_PER_RECORD, parseRegimen, Regimen } from "../../src/dosing/index.js";

// The forms of docs/regimens.md, each read into the NONMEM records its words mean.
describe("regimen language", () => {
  it("reads qd, bid, tid, qid and qod as q24h, q12h, q8h, q6h and q48h", () => {
    const interval = (text: string) => parseRegimen(text).doses()[0].ii;
    expect([interval("100 mg qd x 2"), interval("100 mg bid x 2"), interval("100 mg tid x 2"), interval("100 mg qid x 2"), interval("100 mg qod x 2")]).toEqual([24, 12, 8, 6, 48]);
    expect(parseRegimen("100 mg bid for 7 days").doses()[0]).toMatchObject({ ii: 12, addl: 13 });
    expect(interval("100 mg q3w x 2")).toBe(3 * 7 * 24);
    expect(parseRegimen("100 mg BID x 14").equals(parseRegimen("100 mg q12h x 14"))).toBe(true);
  });

  it("reads a rate without an amount as a continuous infusion, to the end or for a period", () => {
    expect(parseRegimen("10 mg/h").doses()).toEqual([{ time: 0, amount: Infinity, cmt: 1, rate: 10, ii: 0, addl: 0, ss: 0, unit: "mg" }]);
    // 10 mg/h for 24 h is 240 mg over 24 h; 0.5 g/day is 500/24 mg/h.
    expect(parseRegimen("10 mg/h for 24 h").doses()[0]).toMatchObject({ amount: 240, rate: 10 });
    expect(parseRegimen("0.5 g/day at 2 h").doses()[0]).toMatchObject({ time: 2, amount: Infinity, rate: 500 / 24 });
    expect(parseRegimen("10 mg/h ss").doses()[0]).toMatchObject({ amount: Infinity, rate: 10, ss: 1, ii: 0 });
    expect(() => parseRegimen("10 mg/h q12h x 2")).toThrow(/a continuous infusion \("10 …\/h"\) has no "q"/);
  });

  it("reads amounts per kg and per m², in mass or molar units", () => {
    expect(parseRegimen("5 mg/kg").doses()[0]).toMatchObject({ amount: 5, unit: "mg/kg" });
    expect(parseRegimen("500 ug/kg").doses()[0]).toMatchObject({ amount: 0.5, unit: "mg/kg" });
    for (const text of ["75 mg/m2", "75 mg/m²", "75 mg/m^2", "75 mg / m2"]) expect(parseRegimen(text).doses()[0]).toMatchObject({ amount: 75, unit: "mg/m2" });
    expect(parseRegimen("2 umol/kg").doses()[0]).toMatchObject({ amount: 2000, unit: "nmol/kg" });
    expect(parseRegimen("1 mg/kg/h for 2 h").doses()[0]).toMatchObject({ amount: 2, rate: 1, unit: "mg/kg" });
    expect(parseRegimen("5 mg/kg rate 10 mg/kg/h").doses()[0]).toMatchObject({ amount: 5, rate: 10, unit: "mg/kg" });
    expect(() => parseRegimen("5 mg/kg rate 10 mg/h")).toThrow(/the rate is in mg\/h but the dose in mg\/kg/);
    expect(() => parseRegimen("5 mg/m3")).toThrow(/expected "m2"/);
  });

  it("reads molar amounts in nmol and mass amounts in mg, converting prefixes exactly", () => {
    expect(parseRegimen("1 mmol").doses()[0]).toMatchObject({ amount: 1e6, unit: "nmol" });
    expect(parseRegimen("250 pmol").doses()[0]).toMatchObject({ amount: 0.25, unit: "nmol" });
    expect(parseRegimen("500 ng").doses()[0]).toMatchObject({ amount: 0.0005, unit: "mg" });
  });

  it("writes every form back as text that reads to the same regimen", () => {
    for (const text of ["10 mg/h at 1 h", "10 mg/h ss", "5 mg/kg q12h x 3 iv", "75 mg/m2 over 1 h", "2 nmol/kg rate 4 nmol/kg/h", "100 mg bid x 4 po", "loading 400 mg then 200 mg qd x 6 sc"]) {
      const r = parseRegimen(text);
      expect(parseRegimen(r.toString()).equals(r)).toBe(true);
    }
    expect(parseRegimen("10 mg/h").toString()).toBe("10 mg/h at 0 h");
    expect(parseRegimen("5 mg/kg iv").toString()).toBe("5 mg/kg at 0 h iv");
  });

  it("refuses more doses in one block than the documented bound, before making any", () => {
    expect(MAX_DOSES_PER_RECORD).toBe(1_000_000);
    const started = performance.now();
    expect(() => parseRegimen("1 mg q1h x 1000000000")).toThrow(/1000000000 doses is more than the 1,000,000 one block may hold at "1000000000"/);
    expect(() => Regimen.empty().dose(1, { every: 1, times: 1e9 })).toThrow(/dose option times = 1000000000: expected at most 1,000,000 doses in one block/);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("keeps the API's options consistent: a route or a compartment, a unit from the list", () => {
    expect(Regimen.empty().dose(5, { unit: "mg/kg", route: "iv" }).doses()[0]).toMatchObject({ cmt: 0, route: "iv", unit: "mg/kg" });
    expect(() => Regimen.empty().dose(5, { cmt: 2, route: "iv" })).toThrow(/cmt = 2: expected left out when a route is given/);
    expect(() => Regimen.empty().dose(5, { unit: "g" as never })).toThrow(/unit = g: expected mg, nmol, mg\/kg/);
    expect(Regimen.empty().dose(Infinity, { rate: 5 }).doses()[0]).toMatchObject({ amount: Infinity, rate: 5 });
    expect(() => Regimen.empty().dose(Infinity)).toThrow(/or Infinity with a rate/);
  });
});
