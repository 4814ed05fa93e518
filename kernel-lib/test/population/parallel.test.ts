import { createRequire } from "node:module";
import { afterAll, describe, expect, it } from "vitest";
import type * as Kernel from "../../src/index.js";
import type * as KernelNode from "../../node/index.js";
import { TWO_DAYS } from "./fixtures.js";

// The built package, loaded by Node as a user would (worker threads run dist/node/population-worker.js).
const require = createRequire(import.meta.url);
const { simulatePopulation, parseModel, modelSource, readDataset } = require("@pmxlab/kernel") as typeof Kernel;
const { simulatePopulationParallel, PopulationWorkerPool } = require("@pmxlab/kernel/node") as typeof KernelNode;

const INPUT: Kernel.PopulationInput = { ...TWO_DAYS, n: 600, seed: 31 };
const OPTIONS: Kernel.PopulationOptions = {
  summaries: { percentiles: true, attainment: [{ kind: "cmin", from: 36, to: 48, atLeast: [0.2, 0.4] }] },
  keep: "all",
  chunkSize: 100,
};

describe("simulatePopulationParallel (worker threads)", () => {
  // Starting a thread loads the kernel (about 1 s), so the tests share one pool of two.
  const pool = new PopulationWorkerPool(2);
  afterAll(() => pool.close());

  it("two workers give the single-threaded result bit for bit, with progress up to the total", async () => {
    const progress: number[] = [];
    const single = simulatePopulation("pk2cmt_oral", INPUT, OPTIONS);
    const parallel = await simulatePopulationParallel("pk2cmt_oral", INPUT, { ...OPTIONS, pool, onProgress: (done) => progress.push(done) });
    expect(parallel.dv).toEqual(single.dv);
    expect(parallel.ipred).toEqual(single.ipred);
    expect(parallel.percentiles).toEqual(single.percentiles);
    expect(parallel.attainment).toEqual(single.attainment);
    expect(parallel.subjects).toEqual(single.subjects);
    expect(progress).toHaveLength(6);
    expect(Math.max(...progress)).toBe(600);
  });

  it("a pool runs population after population, here a model given by its source text", async () => {
    const model = parseModel(modelSource("pk2cmt_oral"));
    const input = { ...INPUT, n: 300, seed: 32 };
    const a = await pool.simulate(model, input, OPTIONS);
    expect(a.dv).toEqual(simulatePopulation(model, input, OPTIONS).dv);
  });

  it("inter-occasion variability gives the same subjects on the threads", async () => {
    const input = { ...INPUT, n: 120, iov: { omega: { CL: 0.09, KA: 0.04, F1: 0.04 }, occasions: { doses: [3] } } };
    const a = await pool.simulate("pk2cmt_oral", input, OPTIONS);
    expect(a.dv).toEqual(simulatePopulation("pk2cmt_oral", input, OPTIONS).dv);
  });

  it("inter-occasion variability on a dataset design with an OCC column gives the same subjects on the threads", async () => {
    const data = readDataset(["ID,TIME,AMT,ADDL,II,OCC", "1,0,100,3,12,1", "1,2,0,0,0,1", "1,20,0,0,0,2", "1,36,0,0,0,2", "1,48,0,0,0,2"].join("\n"));
    const input = { ...INPUT, regimen: undefined, times: undefined, data, n: 60, iov: { omega: { F1: 0.04 }, occasions: { column: "OCC" } } };
    const a = await pool.simulate("pk2cmt_oral", input, OPTIONS);
    expect(a.dv).toEqual(simulatePopulation("pk2cmt_oral", input, OPTIONS).dv);
  });

  it("a worker's error reaches the caller with its message", async () => {
    await expect(pool.simulate("pk2cmt_oral", { ...INPUT, params: { KA: 1, CL: 5, V1: 50, Q: 2, V2: 100, F1: 0.5 }, omega: { F1: 1 }, distributions: { F1: "normal" } }, OPTIONS)).rejects.toThrow(
      /^subjects \d+–\d+: /,
    );
  });

  it("refuses a model without source text, which workers cannot rebuild", async () => {
    const model = { ...parseModel(modelSource("pk1cmt_iv")), source: undefined };
    await expect(simulatePopulationParallel(model, { regimen: "1 mg", times: [1], n: 2 }, { workers: 1 })).rejects.toThrow(
      "model pk1cmt_iv has no source text, so worker threads cannot rebuild it",
    );
  });
});
