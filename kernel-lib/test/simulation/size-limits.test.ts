import { describe, expect, it } from "vitest";
import { MAX_GRID_POINTS, simulate } from "../../src/simulation/index.js";

// Issue 11: `times: { end: 1e8, step: 1 }` grew past 4 GB and `end: 1e9, step: 1e-6` threw
// "RangeError: Invalid typed array length". Grids beyond a documented size are refused up
// front. Bound: each refusal within 1 s and 50 MB of heap growth (nothing is allocated).

function refusal(f: () => unknown): { message: string; ms: number; heapMb: number } {
  const heap = process.memoryUsage().heapUsed;
  const start = performance.now();
  let message = "";
  try {
    f();
  } catch (error) {
    message = (error as Error).message;
  }
  return { message, ms: performance.now() - start, heapMb: (process.memoryUsage().heapUsed - heap) / 1e6 };
}

describe("output grid and result size limits", () => {
  it("the documented grid limit is one million points", () => {
    expect(MAX_GRID_POINTS).toBe(1_000_000);
  });

  it("end 1e8 by 1 h is refused with the point count and the smallest step that fits", () => {
    const r = refusal(() => simulate("pk1cmt_iv", { regimen: "100 mg", times: { end: 1e8, step: 1 } }));
    expect(r.message).toBe(
      "time grid from 0 to 100000000 by 1 has 100,000,001 points, above the limit of 1,000,000 (800 MB per result column); use a step of at least 100 or give the times as an array",
    );
    expect(r.ms).toBeLessThan(1000);
    expect(r.heapMb).toBeLessThan(50);
  });

  it("end 1e9 by 1e-6 h is refused the same way, not with a raw typed-array RangeError", () => {
    const r = refusal(() => simulate("pk1cmt_iv", { regimen: "100 mg", times: { end: 1e9, step: 1e-6 } }));
    expect(r.message).toMatch(/^time grid from 0 to 1000000000 by 0\.000001 has 1,000,000,000,000,001 points, above the limit of 1,000,000 \(8\.00e\+6 GB|8000 TB|8 PB/);
    expect(r.ms).toBeLessThan(1000);
  });

  it("10,000 subjects × 100,000 times (32 GB of columns) are refused with the size needed before any subject runs", () => {
    const subjects = Array.from({ length: 10_000 }, () => ({}));
    const r = refusal(() => simulate("pk1cmt_iv", { regimen: "100 mg", times: { end: 99_999, step: 1 }, subjects }));
    expect(r.message).toMatch(/^the result would need 32 GB \(1,000,000,000 rows × 4 columns × 8 bytes, 10,000 subject\(s\)\), above the limit of 2.15 GB/);
    expect(r.ms).toBeLessThan(5000);
  });
});
