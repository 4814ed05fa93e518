import { describe, expect, it } from "vitest";
import { datasetFromRegimen, readDataset, simulatePopulation } from "../../src/index.js";
import type { PopulationInput } from "../../src/index.js";
import { bateman } from "../simulation/bateman.js";
import { varianceAgrees } from "./sample-variance.js";

const P = { KA: 2, CL: 2, V: 20 };
const TIMES = [2, 6, 26, 30];
const T = TIMES.length;
const IOV_F1: PopulationInput["iov"] = { omega: { F1: 0.04 }, occasions: { doses: [2] } };
const csv = (header: string, rows: string[]) => readDataset([header, ...rows].join("\n"));

describe("inter-occasion variability on a dataset design", () => {
  it("a dataset built from a regimen (ADDL kept) gives the same subjects as the regimen", () => {
    const input: PopulationInput = { n: 60, seed: 9, params: P, omega: { CL: 0.09 }, iov: { omega: { F1: 0.04, KA: 0.09 }, occasions: { doses: [2] } } };
    const byRegimen = simulatePopulation("pk1cmt_oral", { ...input, regimen: "100 mg q24h x 2", times: TIMES }, { keep: "all" });
    const byData = simulatePopulation("pk1cmt_oral", { ...input, data: datasetFromRegimen("100 mg q24h x 2", TIMES, [1, 2]) }, { keep: "all" });
    expect(byData.ipred).toEqual(byRegimen.ipred);
  });

  it("occasions from an OCC column give the same subjects as the same boundaries by dose number", () => {
    const data = csv("ID,TIME,AMT,OCC", ["1,0,100,1", "1,2,0,1", "1,6,0,1", "1,24,100,2", "1,26,0,2", "1,30,0,2"]);
    const input: PopulationInput = { n: 40, seed: 4, params: P, data, iov: IOV_F1 };
    const byDose = simulatePopulation("pk1cmt_oral", input, { keep: "all" });
    const byColumn = simulatePopulation("pk1cmt_oral", { ...input, iov: { ...IOV_F1, occasions: { column: "OCC" } } }, { keep: "all" });
    expect(byColumn.ipred).toEqual(byDose.ipred);
  });

  it("each virtual subject takes its dataset subject's doses, each scaled by its occasion's F1", () => {
    // Dataset subjects get 100 and 200 mg; virtual subject s follows dataset subject s mod 2.
    const data = csv("ID,TIME,AMT", [1, 2].flatMap((id) => [0, 2, 6, 24, 26, 30].map((t) => `${id},${t},${t % 24 === 0 ? id * 100 : 0}`)));
    const n = 2000;
    const pop = simulatePopulation("pk1cmt_oral", { n, seed: 21, params: P, data, iov: IOV_F1 }, { keep: "all" });
    const ratio: number[] = [];
    for (let s = 0; s < n; s++) {
      const amt = (1 + (s % 2)) * 100;
      const unit = (t: number, time: number) => bateman(t, [{ time, amt }], P);
      const c = (k: number) => pop.ipred![s * T + k];
      const f1 = c(0) / unit(2, 0);
      const f2 = (c(2) - f1 * unit(26, 0)) / unit(26, 24);
      expect(c(1) / unit(6, 0)).toBeCloseTo(f1, 9);
      expect((c(3) - f1 * unit(30, 0)) / unit(30, 24)).toBeCloseTo(f2, 9);
      ratio.push(Math.log(f2 / f1));
    }
    expect(varianceAgrees(ratio, 0.08)).toBe(true);
  });

  it("with an OCC column, ADDL doses given after an occasion change take the new occasion's F1", () => {
    // 100 mg at 0 with ADDL 2 (doses at 0, 24, 48); OCC turns 2 at 30 h, between doses 2 and 3.
    const data = csv("ID,TIME,EVID,AMT,ADDL,II,OCC", ["1,0,1,100,2,24,1", "1,2,0,0,0,0,1", "1,26,0,0,0,0,1", "1,30,2,0,0,0,2", "1,50,0,0,0,0,2", "1,54,0,0,0,0,2"]);
    const pop = simulatePopulation("pk1cmt_oral", { n: 50, seed: 8, params: P, data, iov: { omega: { F1: 0.04 }, occasions: { column: "OCC" } } }, { keep: "all" });
    const unit = (t: number, times: number[]) => bateman(t, times.map((time) => ({ time, amt: 100 })), P);
    for (let s = 0; s < 50; s++) {
      const c = (k: number) => pop.ipred![s * 4 + k];
      const f1 = c(0) / unit(2, [0]);
      expect(c(1) / unit(26, [0, 24])).toBeCloseTo(f1, 9);
      const f2 = (c(2) - f1 * unit(50, [0, 24])) / unit(50, [48]);
      expect((c(3) - f1 * unit(54, [0, 24])) / unit(54, [48])).toBeCloseTo(f2, 9);
      expect(Math.abs(f2 - f1)).toBeGreaterThan(1e-6);
    }
  });

  it("a sample listed before the boundary dose at the same time stays on the previous occasion", () => {
    // pk1cmt_iv with IOV on V only: on occasion 1, ln C falls linearly in t, so the pre-dose
    // sample at 24 h lies on the line through C(1) and C(23); the post-dose one jumps by 100 mg / V₂.
    const data = csv("ID,TIME,AMT", ["1,0,100", "1,1,0", "1,23,0", "1,24,0", "1,24,100", "1,24,0", "1,25,0"]);
    const pop = simulatePopulation("pk1cmt_iv", { n: 30, seed: 2, params: { CL: 1, V: 10 }, data, iov: { omega: { V: 0.09 }, occasions: { doses: [2] } } }, { keep: "all" });
    for (let s = 0; s < 30; s++) {
      const c = (k: number) => pop.ipred![s * 5 + k];
      const slope = (Math.log(c(1)) - Math.log(c(0))) / 22;
      expect(Math.log(c(2))).toBeCloseTo(Math.log(c(1)) + slope, 9);
      // Post-dose: C = (amount left + 100 mg)/V₂, and 1 h later it has decayed by exp(−CL/V₂), with
      // the amount left = C(24 h, pre-dose)·V₁ and V₁ = CL/(−slope).
      const v2 = (c(2) * (1 / -slope) + 100) / c(3);
      expect(c(4)).toBeCloseTo(c(3) * Math.exp(-1 / v2), 9);
    }
  });

  it("refuses an occasion column the dataset does not have", () => {
    const data = datasetFromRegimen("100 mg", [1, 2]);
    expect(() => simulatePopulation("pk1cmt_iv", { n: 2, data, iov: { omega: { CL: 0.1 }, occasions: { column: "OCC" } } })).toThrow(
      "IOV occasions: the dataset has no column OCC; its other columns: none",
    );
  });

  it("refuses occasions by column without a dataset design", () => {
    expect(() => simulatePopulation("pk1cmt_iv", { n: 2, regimen: "100 mg", times: [1], iov: { omega: { CL: 0.1 }, occasions: { column: "OCC" } } })).toThrow(
      "IOV occasions by column (OCC) need a dataset design (`data`); with a regimen give occasions as { doses } or { times }",
    );
  });

  it("refuses a dose number beyond a dataset subject's doses, naming the subject", () => {
    const data = csv("ID,TIME,AMT", ["1,0,100", "1,24,100", "1,30,0", "2,0,100", "2,30,0"]);
    expect(() => simulatePopulation("pk1cmt_iv", { n: 2, data, iov: { omega: { CL: 0.1 }, occasions: { doses: [2] } } })).toThrow(
      "IOV occasion starts at dose 2, but ID 2 has doses 1–1",
    );
  });

  it("refuses an occasion column without a value on a subject's first record", () => {
    const data = csv("ID,TIME,AMT,OCC", ["1,0,100,1", "1,2,0,1", "2,0,100,.", "2,2,0,1"]);
    expect(() => simulatePopulation("pk1cmt_iv", { n: 2, data, iov: { omega: { CL: 0.1 }, occasions: { column: "OCC" } } })).toThrow(
      "IOV occasions: ID 2, row 3: column OCC has no value on the subject's first record",
    );
  });
});
