import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readDataset } from "../../src/data/index.js";

const root = resolve(__dirname, "../../..");
const data = readDataset(readFileSync(resolve(root, "datasets/pheno.csv"), "utf8"));
// The raw NONMEM file: whitespace-separated ID TIME AMT WGT APGR DV FA1 FA2.
const raw = readFileSync(resolve(root, "../shared/data/pheno.dta"), "utf8").trim().split("\n").slice(1).map((line) => line.trim().split(/\s+/).map(Number));

describe("datasets/pheno.csv", () => {
  it("has NONMEM's 59 individuals and 155 observations (pheno_real.lst: TOT. NO. OF OBS RECS 155, INDIVIDUALS 59)", () => {
    const records = data.subjects.flatMap((s) => s.records);
    expect(data.subjects.length).toBe(59);
    expect(records.filter((r) => r.evid === 0 && r.mdv === 0).length).toBe(155);
    expect(records.length).toBe(raw.length);
  });

  it("keeps every raw row: doses where AMT > 0, concentrations elsewhere, weight and Apgar as covariates", () => {
    const records = data.subjects.flatMap((s) => s.records);
    records.forEach((r, i) => {
      const [id, time, amt, wgt, apgr, dv] = raw[i];
      expect([r.id, r.time, r.covariates.WGT, r.covariates.APGR]).toEqual([id, time, wgt, apgr]);
      if (amt > 0) expect([r.evid, r.amt, r.cmt, r.mdv]).toEqual([1, amt, 1, 1]);
      else expect([r.evid, r.dv, r.cmt, r.mdv]).toEqual([0, dv, 1, 0]);
    });
  });
});
