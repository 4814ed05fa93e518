import { describe, expect, it } from "vitest";
import { readDataset } from "../../src/data/index.js";

describe("readDataset", () => {
  it("fills NONMEM defaults for missing columns and reads other columns as covariates", () => {
    const d = readDataset("id,Time,amt,dv,WT\n1,0,100,.,70\n1,2,0,3.5,70\n2,0,50,,80\n");
    expect(d.covariates).toEqual(["WT"]);
    expect(d.subjects.map((s) => s.id)).toEqual([1, 2]);
    const [dose, obs] = d.subjects[0].records;
    expect(dose).toMatchObject({ id: 1, time: 0, evid: 1, amt: 100, cmt: 1, rate: 0, ii: 0, addl: 0, ss: 0, mdv: 1, row: 1, covariates: { WT: 70 } });
    expect(dose.dv).toBeNaN();
    expect(obs).toMatchObject({ evid: 0, amt: 0, cmt: 0, dv: 3.5, mdv: 0, row: 2 });
    expect(d.subjects[1].records[0]).toMatchObject({ evid: 1, amt: 50, row: 3, covariates: { WT: 80 } });
  });

  it("makes a row with MDV 1 and no dose an other-type event when EVID is absent, as NONMEM does", () => {
    const [obs, other] = readDataset("ID,TIME,DV,MDV\n1,1,2.5,0\n1,2,.,1\n").subjects[0].records;
    expect(obs).toMatchObject({ evid: 0, mdv: 0 });
    expect(other).toMatchObject({ evid: 2, mdv: 1 });
  });

  it('reads "." as 0 for NONMEM items, NaN for DV and covariates, and CMT 0 on a dose as compartment 1', () => {
    const [r] = readDataset("ID,TIME,EVID,AMT,CMT,RATE,DV,AGE\n1,0,1,10,.,.,.,.\n").subjects[0].records;
    expect(r).toMatchObject({ cmt: 1, rate: 0 });
    expect(r.dv).toBeNaN();
    expect(r.covariates.AGE).toBeNaN();
  });

  it("skips blank and # comment lines, accepts CRLF and a byte-order mark, and counts rows without them", () => {
    const d = readDataset("\uFEFF# study 1\r\nID,TIME,AMT\r\n\r\n1,0,100\r\n# pause\r\n1,4,0\r\n");
    expect(d.subjects[0].records.map((r) => [r.time, r.row])).toEqual([[0, 1], [4, 2]]);
  });

  it("keeps subjects in file order and treats an ID that comes back as a new subject, as NONMEM does", () => {
    const d = readDataset("ID,TIME\n3,0\n1,0\n3,5\n");
    expect(d.subjects.map((s) => [s.id, s.records.length])).toEqual([[3, 1], [1, 1], [3, 1]]);
  });

  it("allows equal times within an ID and keeps their row order", () => {
    const d = readDataset("ID,TIME,EVID,AMT\n1,0,0,0\n1,0,1,100\n");
    expect(d.subjects[0].records.map((r) => r.evid)).toEqual([0, 1]);
  });

  it("accepts a steady-state constant infusion: SS 1, RATE > 0, II 0, AMT 0", () => {
    const [r] = readDataset("ID,TIME,EVID,AMT,RATE,II,SS\n1,0,1,0,5,0,1\n").subjects[0].records;
    expect(r).toMatchObject({ evid: 1, amt: 0, rate: 5, ii: 0, ss: 1 });
  });
});
