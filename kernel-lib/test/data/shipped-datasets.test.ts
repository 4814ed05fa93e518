import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readDataset } from "../../src/data/index.js";

const root = resolve(__dirname, "../../..");
const shipped = (name: string) => readFileSync(resolve(root, "datasets", name), "utf8");
const raw = (name: string) => readFileSync(resolve(root, "../shared/data", name), "utf8");

/** Data lines of an R export, split on commas (the raw files have no quoted commas). */
function rawRows(name: string): string[][] {
  return raw(name).trim().split("\n").slice(1).map((line) => line.split(","));
}

describe("datasets/theoph.csv", () => {
  const data = readDataset(shipped("theoph.csv"));
  const rows = rawRows("theoph.csv");

  it("has the 12 subjects and every concentration of R's Theoph", () => {
    const observations = data.subjects.flatMap((s) => s.records.filter((r) => r.evid === 0));
    expect(data.subjects.length).toBe(new Set(rows.map((r) => r[0])).size);
    expect(data.subjects.length).toBe(12);
    expect(observations.length).toBe(rows.length);
    expect(observations.length).toBe(132);
    expect(observations.map((r) => [r.id, r.time, r.dv])).toEqual(rows.map((r) => [Number(r[0]), Number(r[3]), Number(r[4])]));
    expect(observations.every((r) => r.cmt === 2 && r.mdv === 0)).toBe(true);
  });

  it("doses each subject Dose (mg/kg) × Wt (kg) mg orally into CMT 1 at time 0", () => {
    const first = data.subjects[0].records;
    const dose = first.find((r) => r.evid === 1);
    expect(dose).toMatchObject({ id: 1, time: 0, cmt: 1, mdv: 1, covariates: { WT: 79.6, DOSE_MGKG: 4.02 } });
    expect(dose?.amt).toBeCloseTo(4.02 * 79.6, 9);
    for (const s of data.subjects) {
      const doses = s.records.filter((r) => r.evid === 1);
      expect(doses.length).toBe(1);
      expect(doses[0].amt).toBeCloseTo(doses[0].covariates.DOSE_MGKG * doses[0].covariates.WT, 9);
    }
  });

  it("lists the time-0 sample before the dose, so it is a pre-dose concentration", () => {
    expect(data.subjects[0].records.slice(0, 2).map((r) => [r.time, r.evid, r.dv])).toEqual([[0, 0, 0.74], [0, 1, NaN]]);
  });
});

describe("datasets/indometh.csv", () => {
  const data = readDataset(shipped("indometh.csv"));

  it("has 6 subjects with a 25 mg IV bolus at time 0 and 11 observations each", () => {
    expect(data.subjects.length).toBe(6);
    for (const s of data.subjects) {
      expect(s.records[0]).toMatchObject({ time: 0, evid: 1, amt: 25, cmt: 1, rate: 0 });
      expect(s.records.filter((r) => r.evid === 0).length).toBe(11);
    }
    const observations = data.subjects.flatMap((s) => s.records.filter((r) => r.evid === 0));
    expect(observations.map((r) => [r.id, r.time, r.dv])).toEqual(rawRows("indometh.csv").map((r) => r.map(Number)));
  });
});

describe("datasets/moxonidine.csv", () => {
  const data = readDataset(shipped("moxonidine.csv"));
  const header = raw("moxo.csv").split("\n")[0].trim().split(",");
  const rows = rawRows("moxo.csv").map((r) => Object.fromEntries(header.map((key, i) => [key, Number(r[i])])));

  it("keeps every simulated concentration of pharmpy's moxo.csv, with its time and visit", () => {
    const observations = data.subjects.flatMap((s) => s.records.filter((r) => r.evid === 0));
    const expected = rows.filter((r) => r.EVID === 0);
    expect(data.subjects.length).toBe(73);
    expect(observations.length).toBe(1006);
    expect(observations.map((r) => [r.id, r.time, r.dv, r.covariates.VISI])).toEqual(expected.map((r) => [r.ID, r.TIME, r.DV, r.VISI]));
    expect(observations.every((r) => r.cmt === 2 && r.mdv === 0)).toBe(true);
  });

  it("gives the visit-3 dose as a single dose and the visit-8 dose as reset-and-dose at steady state every 12 h, with no DV", () => {
    const doses = data.subjects.flatMap((s) => s.records.filter((r) => r.evid !== 0));
    expect(doses.map((r) => [r.id, r.time, r.evid, r.amt, r.ss, r.ii])).toEqual(rows.filter((r) => r.EVID !== 0).map((r) => [r.ID, r.TIME, r.EVID, r.AMT, r.SS, r.II]));
    expect(doses.every((r) => r.cmt === 1 && r.mdv === 1 && Number.isNaN(r.dv))).toBe(true);
    const steady = doses.filter((r) => r.evid === 4);
    expect(steady.length).toBe(69);
    expect(steady.every((r) => r.ss === 1 && r.ii === 12 && r.covariates.VISI === 8)).toBe(true);
  });
});

describe("datasets/convert.mjs", () => {
  it("regenerates exactly the committed files", () => {
    const r = spawnSync(process.execPath, [resolve(root, "datasets/convert.mjs"), "--check"], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});
