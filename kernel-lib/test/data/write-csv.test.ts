import { describe, expect, it } from "vitest";
import { csvRows, datasetToCsv, readDataset, toCsv } from "../../src/data/index.js";

describe("toCsv", () => {
  it("writes NaN as '.', numbers in shortest round-trip form and quotes only text that needs it", () => {
    expect(toCsv(["ID", "TIME", "DV", "NOTE"], [[1, 0.1 + 0.2, NaN, "a,b"], [2, -0, 1e-7, ' say "hi"']])).toBe(
      'ID,TIME,DV,NOTE\n1,0.30000000000000004,.,"a,b"\n2,0,1e-7," say ""hi"""\n',
    );
    expect(Number("0.30000000000000004")).toBe(0.1 + 0.2);
  });

  it("accepts typed arrays as rows", () => {
    expect(toCsv(["A", "B"], [Float64Array.of(1.5, 2)])).toBe("A,B\n1.5,2\n");
  });

  it("refuses infinite numbers, naming the row and column", () => {
    expect(() => toCsv(["A", "B"], [[1, 2], [3, Infinity]])).toThrow("toCsv: row 2, column B is Infinity");
  });
});

describe("datasetToCsv", () => {
  it("writes a dataset that reads back equal", () => {
    const d = readDataset(
      [
        "ID,TIME,EVID,AMT,CMT,RATE,II,ADDL,SS,DV,MDV,WT,AGE",
        "1,0,1,100,1,0,12,2,0,.,1,70,.",
        "1,1.5,0,0,2,0,0,0,0,2.25,0,70,41",
        "1,30,1,0,1,7.5,0,0,1,.,1,70.25,41",
        "2,0,4,50,1,25,0,0,0,.,1,80,33",
        "2,0.1,0,0,0,0,0,0,0,0.30000000000000004,0,80,33",
        "1,0,2,0,0,0,0,0,0,.,1,1e-7,33",
      ].join("\n"),
    );
    expect(readDataset(datasetToCsv(d))).toEqual(d);
  });

  it("writes every NONMEM column, then the covariates", () => {
    expect(datasetToCsv(readDataset("ID,TIME,AMT\n1,0,100\n"))).toBe("ID,TIME,EVID,AMT,CMT,RATE,II,ADDL,SS,DV,MDV\n1,0,1,100,1,0,0,0,0,.,1\n");
  });
});

describe("csvRows", () => {
  it("writes a range of rows of numeric columns exactly as toCsv writes them", () => {
    const columns = [Float64Array.of(1, 1, 2), Float64Array.of(0, 1 / 3, -0), Float64Array.of(NaN, 1e-300, 2 ** 60)];
    const rows = [0, 1, 2].map((r) => columns.map((c) => c[r]));
    expect(csvRows(columns, 0, 3)).toBe(toCsv(["A", "B", "C"], rows).split("\n").slice(1).join("\n"));
    expect(csvRows(columns, 1, 2)).toBe("1,0.3333333333333333,1e-300\n");
  });

  it("refuses an infinite value, naming the row and column", () => {
    expect(() => csvRows([Float64Array.of(1, -Infinity)], 0, 2, ["CP"])).toThrow("toCsv: row 2, column CP is -Infinity");
  });
});
