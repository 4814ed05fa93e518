import { describe, expect, it } from "vitest";
import { doseModifier, isDoseModifier } from "../../src/model/index.js";

describe("dose modifier names", () => {
  it("reads F<cmt> and ALAG<cmt> with their compartment number", () => {
    expect(doseModifier("F1")).toEqual({ kind: "F", cmt: 1 });
    expect(doseModifier("ALAG12")).toEqual({ kind: "ALAG", cmt: 12 });
  });

  it("takes no other name for one", () => {
    for (const name of ["F", "ALAG", "FA1", "f1", "F1A", "ALAG1.5", "XF1", "KA"]) expect(isDoseModifier(name), name).toBe(false);
  });
});
