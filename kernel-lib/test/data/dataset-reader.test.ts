import { describe, expect, it } from "vitest";
import { DatasetError, DatasetReader, readDataset } from "../../src/data/index.js";
import type { Dataset } from "../../src/dosing/types.js";

/** Reads `csv` through a DatasetReader fed in pieces of `size` characters. */
function inPieces(csv: string, size: number): Dataset {
  const reader = new DatasetReader();
  const subjects = [];
  for (let i = 0; i < csv.length; i += size) subjects.push(...reader.push(csv.slice(i, i + size)));
  subjects.push(...reader.end());
  return { covariates: reader.covariates, subjects };
}

function messageOf(read: () => unknown): string {
  try {
    read();
  } catch (e) {
    expect(e).toBeInstanceOf(DatasetError);
    return (e as Error).message;
  }
  throw new Error("nothing was thrown");
}

const CSV = '\uFEFF# study\r\nID,TIME,AMT,DV,WT\r\n1,0,100,.,70\r\n\r\n1,2,0,3.5,70\r\n# pause\r\n2,0,50,.,"80"\r\n2,1,0,"2.25",80\r\n3,0,10,.,60';

describe("DatasetReader", () => {
  it("gives the same subjects, rows and lines whatever the pieces the text arrives in", () => {
    const whole = readDataset(CSV);
    expect(whole.subjects.map((s) => s.records.map((r) => [r.id, r.time, r.amt, r.row]))).toEqual([
      [[1, 0, 100, 1], [1, 2, 0, 2]],
      [[2, 0, 50, 3], [2, 1, 0, 4]],
      [[3, 0, 10, 5]],
    ]);
    for (const size of [1, 2, 3, 7, 64]) expect(inPieces(CSV, size)).toEqual(whole);
  });

  it("hands back each subject once a row of the next ID arrives, not before", () => {
    const reader = new DatasetReader();
    expect(reader.push("ID,TIME,AMT\n1,0,100\n1,1,0\n")).toEqual([]);
    expect(reader.push("2,0,5\n").map((s) => s.id)).toEqual([1]);
    expect(reader.end().map((s) => s.id)).toEqual([2]);
  });

  it("reads plain rows cell by cell: spaces, empty and trailing cells, signs and decimals, non-ASCII text after digits", () => {
    const d = readDataset("ID,TIME,AMT,DV,WT\n1, 0 ,100,,70\n1,2.5,0,-1e-3,\n");
    expect(d.subjects[0].records.map((r) => [r.time, r.amt, r.dv, r.covariates.WT])).toEqual([
      [0, 100, NaN, 70],
      [2.5, 0, -0.001, NaN],
    ]);
    expect(messageOf(() => readDataset("ID,TIME,WT\n1,0,70\u00BD\n"))).toBe('row 1 (line 2), column WT: "70\u00BD" is not a number');
    expect(messageOf(() => readDataset("ID,TIME,WT\n1,0,7x0\n"))).toBe('row 1 (line 2), column WT: "7x0" is not a number');
    expect(messageOf(() => readDataset("ID,TIME,WT\n1,0,70,\n"))).toBe("row 1 (line 2): has 4 fields but the header has 3");
  });

  it("keeps a quoted line break inside one row and counts the lines after it", () => {
    const csv = 'ID,TIME,NOTE2\n1,0,"1\n"\n1,x,0\n';
    expect(messageOf(() => inPieces(csv, 5))).toBe('row 2 (line 4), column TIME: "x" is not a number');
  });

  it("reads UTF-8 bytes cut anywhere, inside a character or the byte-order mark, as the whole string", () => {
    const csv = '\uFEFFID,TIME,Gewicht_kg\u00B2,"Zone 🌍"\n1,0,70.5,1\n1,1,.,2\n2,0,80,3\n';
    const whole = readDataset(csv);
    expect(whole.covariates).toEqual(["Gewicht_kg\u00B2", "Zone 🌍"]);
    expect(whole.subjects.map((s) => s.records.map((r) => r.covariates["Zone 🌍"]))).toEqual([[1, 2], [3]]);
    const bytes = new TextEncoder().encode(csv);
    for (const size of [1, 2, 3, 5]) {
      const reader = new DatasetReader();
      const subjects = [];
      for (let i = 0; i < bytes.length; i += size) subjects.push(...reader.push(bytes.subarray(i, i + size)));
      subjects.push(...reader.end());
      expect({ covariates: reader.covariates, subjects }).toEqual(whole);
    }
    // A string cut between the two halves of a surrogate pair (🌍) reads the same too.
    expect(inPieces(csv, 1)).toEqual(whole);
  });

  it("reads a non-ASCII cell as text, naming it when it is not a number", () => {
    expect(messageOf(() => readDataset("ID,TIME,WT\n1,0,７０\n"))).toBe('row 1 (line 2), column WT: "７０" is not a number');
    expect(messageOf(() => readDataset("ID,TIME,WT\n1,0, 1 2 \n"))).toBe('row 1 (line 2), column WT: "1 2" is not a number');
  });

  it("counts a CR LF split between two pieces as one line break", () => {
    expect(messageOf(() => inPieces("ID,TIME\r\n1,0\r\n1,y\r\n", 4))).toBe('row 2 (line 3), column TIME: "y" is not a number');
  });
});

describe("DatasetReader refuses input that is not a dataset", () => {
  it("refuses a number beyond the double range, naming the row and column, instead of reading Infinity", () => {
    expect(messageOf(() => readDataset("ID,TIME,AMT\n1,0,1e309\n"))).toBe(
      'row 1 (line 2), column AMT: "1e309" is out of range (a number must be finite, at most about 1.8e308 in size)',
    );
    expect(messageOf(() => readDataset("ID,TIME,WT\n1,0,-1e400\n"))).toMatch(/^row 1 \(line 2\), column WT: "-1e400" is out of range/);
  });

  it("quotes at most 60 characters of a bad cell, with its length", () => {
    const cell = "9".repeat(500_000) + "x";
    expect(messageOf(() => readDataset(`ID,TIME,AMT\n1,0,${cell}\n`))).toBe(`row 1 (line 2), column AMT: "${"9".repeat(60)}… (500001 characters)" is not a number`);
  });

  it("refuses an ID beyond 2^53, where two IDs would read as one subject", () => {
    expect(messageOf(() => readDataset("ID,TIME,AMT\n9007199254740993,0,1\n9007199254740992,1,0\n"))).toBe(
      'row 1 (line 2), column ID: ID "9007199254740993" is too large to tell apart from its neighbours (IDs must be at most 9007199254740991 in size)',
    );
    expect(readDataset("ID,TIME\n9007199254740991,0\n").subjects[0]!.id).toBe(Number.MAX_SAFE_INTEGER);
  });

  it("refuses a subject with more rows than the bound, naming the ID and the row, before holding them all", () => {
    const rows = Array.from({ length: 6 }, (_, t) => `1,${t}`).join("\n");
    expect(messageOf(() => readDataset(`ID,TIME\n${rows}\n2,0\n`, { maxSubjectRows: 5 }))).toBe(
      "row 6 (line 7): ID 1 has more than 5 rows; one subject is held whole while it is read, so split it (or give fewer rows)",
    );
    expect(readDataset(`ID,TIME\n${rows}\n`, { maxSubjectRows: 6 }).subjects[0]!.records).toHaveLength(6);
  });

  it("refuses a header with no data rows", () => {
    expect(messageOf(() => readDataset("ID,TIME,AMT\n"))).toBe("line 1: the dataset has a header but no data rows");
    expect(messageOf(() => readDataset("# c\nID,TIME\n\n# only comments\n"))).toBe("line 2: the dataset has a header but no data rows");
  });

  it("refuses binary input at its first NUL byte, at once", () => {
    const reader = new DatasetReader();
    expect(messageOf(() => reader.push("\0".repeat(65536)))).toBe("line 1: the data holds a NUL byte, so it is not a CSV text file");
  });

  it("refuses a line longer than the line limit before holding more of it", () => {
    const reader = new DatasetReader({ maxLineLength: 100 });
    reader.push("ID,TIME\n");
    expect(messageOf(() => reader.push("1".repeat(101)))).toBe("line 2: the line is longer than 100 bytes with no line break; is this a CSV file?");
  });

  it("gives covariates of user-chosen names as own values, with no object prototype behind them", () => {
    const [r] = readDataset("ID,TIME,__proto__,constructor\n1,0,5,7\n").subjects[0].records;
    expect(r.covariates.__proto__).toBe(5);
    expect(r.covariates.constructor).toBe(7);
    expect(readDataset("ID,TIME\n1,0\n").subjects[0].records[0].covariates.toString).toBeUndefined();
  });
});
