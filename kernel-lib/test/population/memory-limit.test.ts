import { describe, expect, it } from "vitest";
import { MAX_POPULATION_BYTES, populationBytes, simulatePopulation } from "../../src/population/index.js";

// Issue 11: 1e7 subjects × 337 times with percentile bands needs about 13.5 GB and was
// neither refused nor streamed. It is refused up front, within 2 s and 100 MB of heap.

describe("population memory bound", () => {
  it("the estimate counts float32 band values, parameters and metrics: 1e7 × 337 × 4 + 1e7 × 1 × 8 bytes", () => {
    expect(populationBytes({ subjects: 1e7, times: 337, bands: "float32", keep: "summary", parameters: 1, targets: 0, residual: false })).toBe(1e7 * 337 * 4 + 1e7 * 8);
    expect(MAX_POPULATION_BYTES).toBe(2 ** 31);
  });

  it("1e7 subjects × 337 times with percentile bands are refused naming the 13.6 GB needed", () => {
    const heap = process.memoryUsage().heapUsed;
    const start = performance.now();
    const run = () =>
      simulatePopulation("pk1cmt_iv", { regimen: "100 mg q12h x 28", times: { end: 336, step: 1 }, n: 1e7, omega: { CL: 0.09 } }, { summaries: { percentiles: true } });
    expect(run).toThrow(/^this population would keep 13\.6 GB in memory \(10,000,000 subjects × 337 times, percentile bands in float32\), above the limit of 2\.15 GB/);
    expect(performance.now() - start).toBeLessThan(2000);
    expect((process.memoryUsage().heapUsed - heap) / 1e6).toBeLessThan(100);
  });

  it("keep: \"all\" counts every subject's rows", () => {
    const run = () => simulatePopulation("pk1cmt_iv", { regimen: "100 mg", times: { end: 336, step: 1 }, n: 1e6, omega: { CL: 0.09 } }, { keep: "all" });
    expect(run).toThrow(/would keep 2\.7 GB .*keep: "all"/);
  });
});
