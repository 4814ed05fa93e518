import { describe, expect, it } from "vitest";
import { DEFAULT_GRID_INTERVALS, DEFAULT_TAIL_HOURS, simulate } from "../../src/simulation/index.js";

describe("the default output grid of a regimen", () => {
  it("is named: a 24-h tail after a dose without an interval, 200 steps", () => {
    expect(DEFAULT_TAIL_HOURS).toBe(24);
    expect(DEFAULT_GRID_INTERVALS).toBe(200);
  });

  it("ends 24 h after a single dose in an hour model: 0 … 24 h in 201 points", () => {
    const sim = simulate("pk1cmt_iv", { regimen: "100 mg" });
    expect(sim.time.length).toBe(201);
    expect(sim.time[200]).toBe(24);
  });

  it("ends 24 h = 1 day after a single dose in a day model (simeoni), not 24 days", () => {
    const sim = simulate("simeoni", { regimen: "10 mg" });
    expect(sim.time.length).toBe(201);
    expect(sim.time[200]).toBeCloseTo(1, 12);
  });

  it("ends one dosing interval after the last dose, in the model's time unit", () => {
    // q1d x 3 in days: last dose at day 2, end at day 3.
    const days = simulate("simeoni", { regimen: "10 mg q1d x 3" });
    expect(days.time[days.time.length - 1]).toBeCloseTo(3, 12);
    const hours = simulate("pk1cmt_iv", { regimen: "100 mg q12h x 3" });
    expect(hours.time[hours.time.length - 1]).toBe(36);
  });
});
