import { describe, expect, it } from "vitest";
import { bolus1cmt } from "../src/index.js";

describe("one-compartment IV bolus", () => {
  it("matches the published 600 mg, CL 6, V 25 profile", () => {
    const published = [24.0, 11.68, 5.686, 2.768, 1.347];
    [0, 3, 6, 9, 12].forEach((t, i) => expect(bolus1cmt(600, 6, 25, t)).toBeCloseTo(published[i], 2));
  });
});
