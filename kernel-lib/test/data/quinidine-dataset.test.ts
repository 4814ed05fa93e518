import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { readDataset } from "../../src/data/index.js";

const root = resolve(__dirname, "../../..");
const data = readDataset(readFileSync(resolve(root, "datasets/quinidine.csv"), "utf8"));
const raw = Papa.parse<Record<string, string>>(readFileSync(resolve(root, "../shared/data/quinidine.csv"), "utf8"), { header: true, skipEmptyLines: true }).data;

describe("datasets/quinidine.csv", () => {
  const records = data.subjects.flatMap((s) => s.records);

  it("has R's 1471 rows of 136 patients with 361 concentrations (nlme's Quinidine)", () => {
    expect(records.length).toBe(1471);
    expect(new Set(records.map((r) => r.id)).size).toBe(136);
    expect(records.filter((r) => r.evid === 0).length).toBe(361);
  });

  it("turns each raw row into a dose (steady state when R gives an interval), a concentration or a covariate change", () => {
    records.forEach((r, i) => {
      const row = raw[i];
      expect([r.id, r.time]).toEqual([Number(row.Subject), Number(row.time)]);
      if (row.dose !== "NA") {
        expect([r.evid, r.amt, r.cmt]).toEqual([1, Number(row.dose), 1]);
        expect([r.ss, r.ii]).toEqual(row.interval === "NA" ? [0, 0] : [1, Number(row.interval)]);
      } else if (row.conc !== "NA") expect([r.evid, r.dv, r.cmt, r.mdv]).toEqual([0, Number(row.conc), 2, 0]);
      else expect([r.evid, r.mdv]).toEqual([2, 1]);
      expect(r.covariates.WEIGHT).toBe(Number(row.Weight));
      expect(r.covariates.GLYCO).toBe(Number(row.glyco));
      expect(r.covariates.CRCL_LOW).toBe(row.Creatinine === "< 50" ? 1 : 0);
      expect(r.covariates.HEART).toBe({ "No/Mild": 1, Moderate: 2, Severe: 3 }[row.Heart]);
    });
  });
});
