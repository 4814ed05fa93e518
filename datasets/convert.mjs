#!/usr/bin/env node
// Regenerates theoph.csv, indometh.csv, pheno.csv, quinidine.csv and moxonidine.csv (NONMEM format) from the raw exports
// in ../shared/data, found beside the repository root. Run from anywhere:
//   node datasets/convert.mjs          (writes the files)
//   node datasets/convert.mjs --check  (exits 1 if a committed file differs from the output)
// The committed CSV files must equal this script's output (the tests run --check).
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";

const here = dirname(fileURLToPath(import.meta.url));
const raw = join(here, "..", "..", "shared", "data");

/** Rows of an R export as objects of numbers, header names as written. */
function readRaw(name) {
  const { data, errors } = Papa.parse(readFileSync(join(raw, name), "utf8"), { header: true, skipEmptyLines: true });
  if (errors.length > 0) throw new Error(`${name}: ${errors[0].message} (row ${errors[0].row})`);
  return data.map((row, i) =>
    Object.fromEntries(
      Object.entries(row).map(([key, text]) => {
        const value = Number(text);
        if (text.trim() === "" || !Number.isFinite(value)) throw new Error(`${name}, data row ${i + 1}: ${key} = "${text}" is not a number`);
        return [key, value];
      }),
    ),
  );
}

/** Subjects in order of first appearance, each with its rows in file order. */
function bySubject(rows) {
  const groups = new Map();
  for (const row of rows) {
    if (!groups.has(row.Subject)) groups.set(row.Subject, []);
    groups.get(row.Subject).push(row);
  }
  return groups;
}

/** Shortest round-trip text of a number; NaN (missing) as NONMEM's ".". */
const cell = (x) => (Number.isNaN(x) ? "." : String(x));
const csv = (header, rows) => [header, ...rows].map((r) => r.map((v) => (typeof v === "number" ? cell(v) : v)).join(",")).join("\n") + "\n";

// Dose (mg/kg, 2 decimals) × Wt (kg, 1 decimal) has at most 3 decimals; rounding to 6
// removes only floating-point noise (4.02 × 79.6 = 319.992, not 319.99199999999996).
const mg = (x) => Math.round(x * 1e6) / 1e6;

function theoph() {
  const rows = [];
  for (const [id, obs] of bySubject(readRaw("theoph.csv"))) {
    const { Wt: wt, Dose: doseMgKg } = obs[0];
    for (const o of obs) {
      if (o.Wt !== wt || o.Dose !== doseMgKg) throw new Error(`theoph.csv: subject ${id} changes Wt or Dose between rows`);
    }
    const dose = [id, 0, 1, mg(doseMgKg * wt), 1, NaN, 1, wt, doseMgKg];
    const observation = (o) => [id, o.Time, 0, 0, 2, o.conc, 0, wt, doseMgKg];
    // Time-0 samples were taken before the dose: their rows come before the dose row.
    const before = obs.filter((o) => o.Time <= 0);
    const after = obs.filter((o) => o.Time > 0);
    rows.push(...before.map(observation), dose, ...after.map(observation));
  }
  return csv(["ID", "TIME", "EVID", "AMT", "CMT", "DV", "MDV", "WT", "DOSE_MGKG"], rows);
}

function indometh() {
  const rows = [];
  for (const [id, obs] of bySubject(readRaw("indometh.csv"))) {
    rows.push([id, 0, 1, 25, 1, NaN, 1]);
    for (const o of obs) rows.push([id, o.time, 0, 0, 1, o.conc, 0]);
  }
  return csv(["ID", "TIME", "EVID", "AMT", "CMT", "DV", "MDV"], rows);
}

/** Rows of a whitespace-separated NONMEM table (pheno.dta) as objects of numbers. */
function readNonmemTable(name) {
  const [header, ...lines] = readFileSync(join(raw, name), "utf8").trim().split("\n").map((line) => line.trim().split(/\s+/));
  return lines.map((cells, i) => {
    if (cells.length !== header.length) throw new Error(`${name}, data row ${i + 1}: ${cells.length} fields, header has ${header.length}`);
    return Object.fromEntries(header.map((key, j) => {
      const value = Number(cells[j]);
      if (!Number.isFinite(value)) throw new Error(`${name}, data row ${i + 1}: ${key} = "${cells[j]}" is not a number`);
      return [key, value];
    }));
  });
}

// pheno.dta has no EVID/MDV: NONMEM infers a dose from AMT > 0 (its DV 0 is ignored) and an
// observation otherwise. FA1/FA2 (1 on dose rows) only flag doses and are dropped.
function pheno() {
  const rows = readNonmemTable("pheno.dta").map((r) =>
    r.AMT > 0 ? [r.ID, r.TIME, 1, r.AMT, 1, NaN, 1, r.WGT, r.APGR] : [r.ID, r.TIME, 0, 0, 1, r.DV, 0, r.WGT, r.APGR],
  );
  return csv(["ID", "TIME", "EVID", "AMT", "CMT", "DV", "MDV", "WGT", "APGR"], rows);
}

// R's factor levels as numbers (level order of nlme's Quinidine, first level 1 or "no" 0).
const QUINIDINE_CODES = {
  Race: { Caucasian: 1, Latin: 2, Black: 3 },
  Smoke: { no: 0, yes: 1 },
  Ethanol: { none: 0, current: 1, former: 2 },
  Heart: { "No/Mild": 1, Moderate: 2, Severe: 3 },
  Creatinine: { ">= 50": 0, "< 50": 1 },
};

// nlme's Quinidine holds doses (dose, with interval when at steady state), concentrations
// (conc) and covariate-only rows (neither) in one table: EVID 1, 0 and 2 here.
function quinidine() {
  const { data, errors } = Papa.parse(readFileSync(join(raw, "quinidine.csv"), "utf8"), { header: true, skipEmptyLines: true });
  if (errors.length > 0) throw new Error(`quinidine.csv: ${errors[0].message} (row ${errors[0].row})`);
  const number = (row, i, key) => {
    if (row[key] === "NA") return NaN;
    const value = Number(row[key]);
    if (row[key].trim() === "" || !Number.isFinite(value)) throw new Error(`quinidine.csv, data row ${i + 1}: ${key} = "${row[key]}" is not a number`);
    return value;
  };
  const code = (row, i, key) => {
    const value = QUINIDINE_CODES[key][row[key]];
    if (value === undefined) throw new Error(`quinidine.csv, data row ${i + 1}: ${key} = "${row[key]}" is not a known level (${Object.keys(QUINIDINE_CODES[key]).join(", ")})`);
    return value;
  };
  const rows = data.map((row, i) => {
    const [id, time, conc, dose, interval] = ["Subject", "time", "conc", "dose", "interval"].map((key) => number(row, i, key));
    const covariates = [number(row, i, "Age"), number(row, i, "Height"), number(row, i, "Weight"), ...["Race", "Smoke", "Ethanol", "Heart", "Creatinine"].map((key) => code(row, i, key)), number(row, i, "glyco")];
    if (!Number.isNaN(dose)) return [id, time, 1, dose, 1, Number.isNaN(interval) ? 0 : 1, Number.isNaN(interval) ? 0 : interval, NaN, 1, ...covariates];
    if (!Number.isNaN(conc)) return [id, time, 0, 0, 2, 0, 0, conc, 0, ...covariates];
    return [id, time, 2, 0, 2, 0, 0, NaN, 1, ...covariates];
  });
  return csv(["ID", "TIME", "EVID", "AMT", "CMT", "SS", "II", "DV", "MDV", "AGE", "HEIGHT", "WEIGHT", "RACE", "SMOKE", "ETHANOL", "HEART", "CRCL_LOW", "GLYCO"], rows);
}

// pharmpy's moxo.csv is already NONMEM-shaped (EVID 1 first dose, EVID 4 = reset and dose at
// steady state with SS 1, II 12). Its dose rows repeat the next sample's DV, which NONMEM
// ignores on a dose row: here they get DV "." and MDV 1 so no reader takes them for samples.
function moxonidine() {
  const rows = readRaw("moxo.csv").map((r) => {
    if (![0, 1, 4].includes(r.EVID)) throw new Error(`moxo.csv: ID ${r.ID} at TIME ${r.TIME}: EVID ${r.EVID} is not 0, 1 or 4`);
    const covariates = [r.VISI, r.AGE, r.SEX, r.WT, r.CRCL, r.COMP];
    return r.EVID === 0 ? [r.ID, r.TIME, 0, 0, 2, 0, 0, r.DV, 0, ...covariates] : [r.ID, r.TIME, r.EVID, r.AMT, 1, r.SS, r.II, NaN, 1, ...covariates];
  });
  return csv(["ID", "TIME", "EVID", "AMT", "CMT", "SS", "II", "DV", "MDV", "VISI", "AGE", "SEX", "WT", "CRCL", "COMP"], rows);
}

const outputs = { "theoph.csv": theoph(), "indometh.csv": indometh(), "pheno.csv": pheno(), "quinidine.csv": quinidine(), "moxonidine.csv": moxonidine() };
if (process.argv.includes("--check")) {
  const stale = Object.keys(outputs).filter((name) => {
    try {
      return readFileSync(join(here, name), "utf8") !== outputs[name];
    } catch {
      return true;
    }
  });
  if (stale.length > 0) {
    console.error(`datasets out of date: ${stale.join(", ")}; run node datasets/convert.mjs`);
    process.exit(1);
  }
  console.log("datasets match convert.mjs");
} else {
  for (const [name, text] of Object.entries(outputs)) writeFileSync(join(here, name), text);
  console.log(`wrote ${Object.keys(outputs).map((name) => join(here, name)).join(", ")}`);
}
