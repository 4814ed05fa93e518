import { describe, expect, it } from "vitest";
import type { Dataset, EventRecord } from "../../src/dosing/index.js";
import { expandDoses } from "../../src/dosing/index.js";
import { simulate } from "../../src/simulation/index.js";

const row = (over: Partial<EventRecord>, r: number): EventRecord => ({
  id: 1, time: 0, evid: 0, amt: 0, cmt: 1, rate: 0, ii: 0, addl: 0, ss: 0, dv: NaN, mdv: 0, covariates: {}, row: r, ...over,
});

/** 1 mg q1h into pk1cmt_iv (k = 0.24 /h) observed at t: the sum over the doses given by then. */
const hourly = (t: number) => {
  let a = 0;
  for (let d = 0; d <= t; d++) a += Math.exp(-0.24 * (t - d));
  return a;
};

describe("dose expansion stays bounded", () => {
  it("makes no dose after the last output: 999 999 hourly doses on a 48-h grid run in well under a second", () => {
    const heap = process.memoryUsage().heapUsed;
    const started = performance.now();
    const sim = simulate("pk1cmt_iv", { regimen: "1 mg q1h x 999999", times: [0, 24, 48] });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(64 * 2 ** 20);
    [0, 24, 48].forEach((t, i) => expect(sim.states.central[i]).toBeCloseTo(hourly(t), 10));
  });

  it("does the same for a dataset with ADDL 999 999 (3 rows)", () => {
    const data: Dataset = {
      covariates: [],
      subjects: [{ id: 1, records: [row({ evid: 1, amt: 1, ii: 1, addl: 999_999, mdv: 1 }, 1), row({ time: 24 }, 2), row({ time: 48 }, 3)] }],
    };
    const started = performance.now();
    const sim = simulate("pk1cmt_iv", { data });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(sim.states.central[1]).toBeCloseTo(hourly(48), 10);
  });

  it("refuses ADDL 1e9 up front, naming the row and the bound", () => {
    const data: Dataset = {
      covariates: [],
      subjects: [{ id: 1, records: [row({ evid: 1, amt: 1, ii: 1, addl: 1e9, mdv: 1 }, 1), row({ time: 24 }, 2), row({ time: 48 }, 3)] }],
    };
    const started = performance.now();
    expect(() => simulate("pk1cmt_iv", { data })).toThrow("ID 1, row 1: ADDL 1000000000 is more than the 999,999 additional doses one record may hold");
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("bounds the doses of all of a subject's records together, not only each record's ADDL", () => {
    // 50 records of ADDL 999,999 (each within its own bound) grew past 4 GB before this bound.
    const doses = Array.from({ length: 50 }, (_, i) => row({ evid: 1, amt: 1, ii: 1, addl: 999_999, mdv: 1 }, i + 1));
    const data: Dataset = { covariates: [], subjects: [{ id: 7, records: [...doses, row({ time: 999_999 }, 51)].map((r) => ({ ...r, id: 7 })) }] };
    expect(() => simulate("pk1cmt_iv", { data })).toThrow(
      "ID 7: more than 2,000,000 doses, infusion ends and output rows in one subject; give fewer additional doses (ADDL) or output rows, or split the subject",
    );
  });

  it("refuses a steady-state infusion overlapping more than the bound of earlier intervals", () => {
    const data: Dataset = {
      covariates: [],
      subjects: [{ id: 1, records: [row({ evid: 1, amt: 100, rate: 1, ii: 1e-6, ss: 1, mdv: 1 }, 1), row({ time: 1 }, 2)] }],
    };
    expect(() => simulate("pk1cmt_iv", { data })).toThrow(/ID 1, row 1: SS infusions .* overlap/);
  });

  it("refuses to expand more doses than the bound in expandDoses", () => {
    const dose = { time: 0, amount: 1, cmt: 1, rate: 0, ii: 1, addl: 600_000, ss: 0 as const };
    expect(() => expandDoses([dose, dose])).toThrow("expandDoses: 1200002 doses is more than the 1,000,000 that may be expanded");
  });
});
