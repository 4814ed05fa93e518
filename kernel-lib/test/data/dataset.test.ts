import { describe, expect, it } from "vitest";
import { datasetToCsv, readDataset } from "../../src/data/index.js";

describe("readDataset", () => {
  it("applies NONMEM defaults for missing columns and keeps covariates", () => {
    const d = readDataset("id,time,amt,dv,WT\n1,0,100,.,70\n1,2,0,3.5,70\n2,0,50,,80\n");
    expect(d.covariates).toEqual(["WT"]);
    expect(d.subjects.map((s) => s.id)).toEqual([1, 2]);
    const [dose, obs] = d.subjects[0].records;
    expect(dose).toMatchObject({ evid: 1, amt: 100, cmt: 1, rate: 0, ii: 0, addl: 0, ss: 0, mdv: 1, row: 1 });
    expect(Number.isNaN(dose.dv)).toBe(true);
    expect(obs).toMatchObject({ evid: 0, dv: 3.5, mdv: 0, covariates: { WT: 70 }, row: 2 });
  });

  it("names a missing TIME column", () => {
    expect(() => readDataset("ID,AMT\n1,100\n")).toThrow(/missing column TIME; a dataset needs ID and TIME/);
  });
  it("names the row, line and column of a value that is not a number", () => {
    expect(() => readDataset("ID,TIME,AMT\n1,0,100\n1,1,abc\n")).toThrow(/row 2 \(line 3\), column AMT: "abc" is not a number/);
  });
  it("names time going backwards within an ID", () => {
    expect(() => readDataset("ID,TIME\n1,0\n1,4\n1,2\n")).toThrow(/row 3 \(line 4\), column TIME: TIME 2 is before the previous TIME 4 of ID 1/);
  });
  it("names an EVID outside 0-4, a negative amount and ADDL without II", () => {
    expect(() => readDataset("ID,TIME,EVID\n1,0,7\n")).toThrow(/row 1 \(line 2\), column EVID: EVID 7/);
    expect(() => readDataset("ID,TIME,AMT\n1,0,-5\n")).toThrow(/column AMT: AMT must not be negative/);
    expect(() => readDataset("ID,TIME,AMT,ADDL\n1,0,5,3\n")).toThrow(/column II: ADDL 3 needs II > 0/);
  });
  it("names an ID that reappears after another ID", () => {
    expect(() => readDataset("ID,TIME\n1,0\n2,0\n1,5\n")).toThrow(/row 3 \(line 4\), column ID: ID 1 appears again/);
  });
  it("writes a dataset that reads back equal", () => {
    const d = readDataset("ID,TIME,EVID,AMT,CMT,RATE,II,ADDL,SS,DV,MDV,WT\n1,0,1,100,1,0,12,2,0,.,1,70\n1,1.5,0,0,2,0,0,0,0,2.25,0,70\n");
    expect(readDataset(datasetToCsv(d))).toEqual(d);
  });
});
