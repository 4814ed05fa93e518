import { describe, expect, it } from "vitest";
import { datasetFromRegimen, datasetToCsv, readDataset, regimenRecords } from "../../src/data/index.js";
import { Regimen } from "../../src/dosing/index.js";

describe("regimenRecords", () => {
  it("lists dose rows before observation rows at the same time, in time order", () => {
    const records = regimenRecords("100 mg q12h x 2", [12, 0, 6], 7);
    expect(records.map((r) => [r.id, r.time, r.evid, r.amt, r.ii, r.addl, r.mdv, r.row])).toEqual([
      [7, 0, 1, 100, 12, 1, 1, 1],
      [7, 0, 0, 0, 0, 0, 0, 2],
      [7, 6, 0, 0, 0, 0, 0, 3],
      [7, 12, 0, 0, 0, 0, 0, 4],
    ]);
  });

  it("takes a Regimen or dose records as well as text", () => {
    const regimen = Regimen.empty().dose(500, { over: 1, cmt: 2 });
    const fromRegimen = regimenRecords(regimen, [1]);
    expect(fromRegimen[0]).toMatchObject({ evid: 1, amt: 500, rate: 500, cmt: 2 });
    expect(regimenRecords(regimen.doses(), [1])).toEqual(fromRegimen);
  });

  it("refuses an observation time that is not finite", () => {
    expect(() => regimenRecords("100 mg", [0, NaN])).toThrow("observationTimes[1] = NaN");
  });
});

describe("datasetFromRegimen", () => {
  it("gives each ID the same records and numbers rows through the dataset as written", () => {
    const d = datasetFromRegimen("loading 400 mg then 200 mg q24h x 6", [1, 24, 48], [1, 2]);
    expect(d.subjects.map((s) => s.id)).toEqual([1, 2]);
    expect(d.subjects[1].records.map((r) => r.row)).toEqual([6, 7, 8, 9, 10]);
    expect(readDataset(datasetToCsv(d))).toEqual(d);
  });
});
