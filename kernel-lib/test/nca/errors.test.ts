import { describe, expect, it } from "vitest";
import { nca, NcaError } from "../../src/nca/index.js";
import type { NcaOptions, NcaSubject } from "../../src/nca/index.js";

const good = { time: [0, 1, 2, 4], conc: [0, 5, 3, 1], dose: 10 };
const fails = (subject: Partial<NcaSubject>, options: NcaOptions = {}) => () => nca({ ...good, ...subject } as NcaSubject, options);

describe("nca rejects bad input with one message naming it", () => {
  it("a time that does not increase", () => {
    expect(fails({ time: [0, 2, 1, 4] })).toThrow(NcaError);
    expect(fails({ time: [0, 2, 1, 4] })).toThrow("sample 3: time 1 is not after the previous time 2; times must increase strictly");
  });
  it("a repeated time", () => expect(fails({ time: [0, 1, 1, 4] })).toThrow("sample 3: time 1 is not after the previous time 1"));
  it("a negative concentration", () => expect(fails({ conc: [0, 5, -3, 1] })).toThrow("sample 3: concentration -3 at time 2 is negative"));
  it("a missing concentration", () => expect(fails({ conc: [0, NaN, 3, 1] })).toThrow("sample 2: the concentration at time 1 is missing (NaN)"));
  it("a missing time", () => expect(fails({ time: [0, NaN, 2, 4] })).toThrow("sample 2: time NaN is not a finite number"));
  it("fewer than two samples", () => expect(fails({ time: [1], conc: [3] })).toThrow("1 concentration sample(s); NCA needs at least 2"));
  it("times and concentrations of different lengths", () => expect(fails({ conc: [0, 5, 3] })).toThrow("4 times but 3 concentrations"));
  it("a sample before the dose", () => expect(fails({ doseTime: 1 })).toThrow("sample 1: time 0 is before the dose at 1"));
  it("a dose that is not positive", () => expect(fails({ dose: -10 })).toThrow("dose -10 is not a positive number"));
  it("an unknown route", () => expect(fails({ route: "oral" as never })).toThrow('route "oral" is not one of'));
  it("an infusion without a duration", () => expect(fails({ route: "iv-infusion" })).toThrow("an iv-infusion needs its duration"));
  it("a negative lloq", () => expect(fails({ lloq: -1 })).toThrow("lloq -1 is not a finite number ≥ 0"));
  it("an unknown AUC method", () => expect(fails({}, { aucMethod: "spline" as never })).toThrow('aucMethod "spline" is not one of'));
  it("minHlPoints below 3", () => expect(fails({}, { minHlPoints: 2 })).toThrow("minHlPoints 2 is not a whole number ≥ 3"));
  it("adjRSquaredFactor outside (0, 1)", () => expect(fails({}, { adjRSquaredFactor: 0 })).toThrow("adjRSquaredFactor 0 is not between 0 and 1"));
  it("a BLQ rule that is not keep, drop or a number", () => {
    expect(fails({}, { concBlq: "zero" as never })).toThrow('concBlq: "zero" is not "keep", "drop" or a number ≥ 0');
  });
  it("BLQ positions that mix the two forms", () => {
    expect(fails({}, { concBlq: { first: "keep", "after.tmax": "drop" } as never })).toThrow("concBlq needs exactly { first, middle, last }");
  });
  it("a partial AUC interval that ends before it starts", () => {
    expect(fails({}, { partialAuc: [[4, 2]] })).toThrow("partial AUC [4, 2] needs a finite start before its end");
  });
  it("names the subject when it has an id", () => expect(fails({ id: 7, conc: [0, 5, -3, 1] })).toThrow(/^ID 7: sample 3/));
});
