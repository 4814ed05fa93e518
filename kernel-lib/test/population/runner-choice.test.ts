import { describe, expect, it } from "vitest";
import { populationWork, preferWorkers, WORKER_THRESHOLD } from "../../src/index.js";

describe("in-process or worker threads", () => {
  it("the work of a closed-form population is subjects × replicates × output times", () => {
    // The case: 2,000 subjects of the reference workload, hourly to 336 h (337 times).
    const work = populationWork("pk2cmt_oral", { regimen: "100 mg q12h x 28", times: { end: 336, step: 1 }, n: 2000, replicates: 1 });
    expect(work).toBe(2000 * 337);
    expect(preferWorkers(work)).toBe(false);
    expect(populationWork("pk2cmt_oral", { regimen: "100 mg", times: [1, 2, 3], n: 100, replicates: 4 })).toBe(100 * 4 * 3);
  });

  it("an ODE subject counts 20 closed-form ones, and forcing the ODE solver counts as ODE", () => {
    expect(populationWork("tmdd", { regimen: "10 mg", times: [1, 2], n: 10 })).toBe(10 * 2 * 20);
    expect(populationWork("pk1cmt_iv", { regimen: "10 mg", times: [1, 2], n: 10 }, { method: "ode" })).toBe(10 * 2 * 20);
  });

  it("worker threads are preferred only above the threshold of 1e7 subject-times", () => {
    expect(WORKER_THRESHOLD).toBe(1e7);
    expect(preferWorkers(1e7)).toBe(false);
    expect(preferWorkers(1e7 + 1)).toBe(true);
    // 100,000 reference subjects (3.37e7) go to the workers.
    expect(preferWorkers(100000 * 337)).toBe(true);
  });
});
