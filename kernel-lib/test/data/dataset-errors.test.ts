import { describe, expect, it } from "vitest";
import { DatasetError, readDataset } from "../../src/data/index.js";
import type { ReadDatasetOptions } from "../../src/data/index.js";

/** The DatasetError that reading `csv` throws. */
function errorOf(csv: string, options?: ReadDatasetOptions): DatasetError {
  try {
    readDataset(csv, options);
  } catch (e) {
    if (e instanceof DatasetError) return e;
    throw e;
  }
  throw new Error("no DatasetError was thrown");
}

describe("DatasetError", () => {
  it("names a missing TIME or ID column on the header line", () => {
    const e = errorOf("ID,AMT\n1,100\n");
    expect(e.message).toBe("line 1: missing column TIME; a dataset needs ID and TIME (found: ID, AMT)");
    expect(e.line).toBe(1);
    expect(errorOf("# comment\nTIME\n0\n").message).toBe("line 2: missing column ID; a dataset needs ID and TIME (found: TIME)");
  });

  it("names the row, line, column and text of a value that is not a number", () => {
    const e = errorOf("ID,TIME,AMT\n1,0,100\n1,1,abc\n");
    expect(e.message).toBe('row 2 (line 3), column AMT: "abc" is not a number');
    expect([e.row, e.line, e.column]).toEqual([2, 3, "AMT"]);
    expect(errorOf("ID,TIME,SEX\n1,0,M\n").message).toBe('row 1 (line 2), column SEX: "M" is not a number');
  });

  it("names time going backwards within an ID, counting rows and lines separately", () => {
    const csv = "ID,TIME\n1,0\n# a comment line\n1,1\n1,2\n1,3\n1,4\n1,4\n1,2\n";
    const e = errorOf(csv);
    expect(e.message).toBe("row 7 (line 9), column TIME: TIME 2 is before the previous TIME 4 of ID 1; rows of one ID must be in time order");
    expect([e.row, e.line, e.column]).toEqual([7, 9, "TIME"]);
  });

  it("names an EVID outside 0–4", () => {
    expect(errorOf("ID,TIME,EVID\n1,0,7\n").message).toMatch(/^row 1 \(line 2\), column EVID: EVID 7 is not one of 0/);
  });

  it("names negative AMT, RATE, II and ADDL", () => {
    expect(errorOf("ID,TIME,AMT\n1,0,-5\n").message).toBe("row 1 (line 2), column AMT: AMT -5 is negative");
    expect(errorOf("ID,TIME,AMT,RATE\n1,0,5,-2\n").message).toMatch(/^row 1 \(line 2\), column RATE: RATE -2 is negative \(NONMEM's modelled/);
    expect(errorOf("ID,TIME,AMT,II\n1,0,5,-12\n").message).toBe("row 1 (line 2), column II: II -12 is negative");
    expect(errorOf("ID,TIME,AMT,ADDL,II\n1,0,5,-1,12\n").message).toBe("row 1 (line 2), column ADDL: ADDL -1 is not a whole number ≥ 0");
  });

  it("names ADDL without II", () => {
    expect(errorOf("ID,TIME,AMT,ADDL\n1,0,5,3\n").message).toBe(
      "row 1 (line 2), column II: ADDL 3 needs II > 0 (the interval between the additional doses)",
    );
  });

  it("names SS without II unless it is a steady-state constant infusion with AMT 0", () => {
    expect(errorOf("ID,TIME,AMT,SS\n1,0,5,1\n").message).toMatch(/^row 1 \(line 2\), column II: SS 1 needs II > 0/);
    expect(errorOf("ID,TIME,EVID,AMT,RATE,SS\n1,0,1,5,2,1\n").message).toMatch(/^row 1 \(line 2\), column AMT: a steady-state constant infusion .* has AMT 0, not 5/);
  });

  it("names a negative CMT", () => {
    expect(errorOf("ID,TIME,CMT\n1,0,-2\n").message).toBe("row 1 (line 2), column CMT: CMT -2 is negative (turning a compartment off is not supported)");
  });

  it("names dose items on an observation row and MDV 0 on a dose row", () => {
    expect(errorOf("ID,TIME,EVID,AMT\n1,0,0,5\n").message).toMatch(/^row 1 \(line 2\), column AMT: AMT 5 on an observation row \(EVID 0\)/);
    expect(errorOf("ID,TIME,EVID,AMT,MDV\n1,0,1,5,0\n").message).toMatch(/^row 1 \(line 2\), column MDV: MDV 0 on a row with EVID 1/);
  });

  it("names an ID that comes back when repeated IDs are declared an error", () => {
    const e = errorOf("ID,TIME\n1,0\n2,0\n1,5\n", { repeatedIds: "error" });
    expect(e.message).toBe("row 3 (line 4), column ID: ID 1 appears again after rows of other IDs; keep each subject's rows together");
  });

  it("names a missing ID or TIME value, a short row, a repeated column and an empty file", () => {
    expect(errorOf("ID,TIME\n1,.\n").message).toBe("row 1 (line 2), column TIME: TIME is missing");
    expect(errorOf("ID,TIME,AMT\n1,0\n").message).toBe("row 1 (line 2): has 2 fields but the header has 3");
    expect(errorOf("ID,TIME,time\n1,0,0\n").message).toBe("line 1, column time: column time appears twice (also as TIME)");
    expect(errorOf("\n# nothing\n").message).toMatch(/^the dataset is empty/);
    expect(errorOf('ID,TIME\n1,0\n1,"2\n').message).toBe("line 3: cannot read the CSV: Quoted field unterminated");
  });
});
