import { describe, expect, it } from "vitest";
import { inParallel } from "../../cli/parallel.js";

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("inParallel", () => {
  it("keeps the tasks' order and never runs more than `jobs` at once", async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    // Later tasks finish first, so completion order differs from task order.
    const results = await inParallel([5, 4, 3, 2, 1, 0], 3, async (n) => {
      most = Math.max(most, ++running);
      await tick(n * 5);
      running--;
      return n * 10;
    }, (result) => done.push(result));
    expect(results).toEqual([50, 40, 30, 20, 10, 0]);
    expect(most).toBe(3);
    expect(done).not.toEqual(results);
    expect([...done].sort((a, b) => a - b)).toEqual([0, 10, 20, 30, 40, 50]);
  });

  it("runs one at a time for jobs below 1 and returns [] for no tasks", async () => {
    let running = 0;
    let most = 0;
    await inParallel([1, 2, 3], 0, async () => {
      most = Math.max(most, ++running);
      await tick(1);
      running--;
    });
    expect(most).toBe(1);
    expect(await inParallel([], 4, async () => 1)).toEqual([]);
  });
});
