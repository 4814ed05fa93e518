// The leak guard and the number guard on their own, with hand-written replies.
import { describe, expect, it } from "vitest";
import { checkNumbers } from "../../src/grounding/number-guard.js";
import { numbersIn } from "../../src/grounding/numbers.js";
import { checkLeak } from "../../src/tutor/leak-guard.js";
import { solutionCode } from "../../src/tutor/solution.js";

const solution = { code: "const aucOf = (dose: number) => dose / CL;", values: [{ value: 100 / 2.8, unit: "mg·h/L" }] };
const none = { text: "", numbers: [] };

describe("numbers in a reply", () => {
  it("reads value, unit and the rounding the writer used, and skips digits inside names", () => {
    const found = numbersIn("pk1cmt_iv: C(2 h) = 1.64 mg/L, AUC 35.7 mg*h/L, t½ 1e1 h");
    expect(found.map((n) => [n.value, n.unit, n.roundingTolerance])).toEqual([
      [2, "h", 0.5],
      [1.64, "mg/L", 0.005],
      [35.7, "mg·h/L", 0.05],
      [10, "h", 5],
    ]);
  });
});

describe("number guard", () => {
  const computed = [{ label: "CP at 2 h", value: 1.6374615, unit: "mg/L" }];
  it("accepts a computed value rounded as written, and a number the student wrote", () => {
    expect(checkNumbers("CP is 1.64 mg/L (you wrote 12 mg/L)", computed, [12]).action).toBe("none");
  });
  it("ignores numbers in units no tool computed", () => {
    expect(checkNumbers("dose 100 mg every 12 h", computed, []).action).toBe("none");
  });
  it("corrects a contradicting number in place", () => {
    expect(checkNumbers("CP is 1.7 mg/L.", computed, [])).toMatchObject({ action: "corrected", text: "CP is 1.64 mg/L." });
  });
});

describe("leak guard", () => {
  it("catches the solution's expression however it is spaced or wrapped", () => {
    expect(checkLeak("Try `aucOf = (dose:number)=>dose/CL`", solution, none).leak).toBe(true);
    expect(checkLeak("write\n  dose   /   CL  \ninside the arrow function: (dose: number) => dose / CL", solution, none).leak).toBe(true);
  });
  it("lets through what the exercise or the student already show", () => {
    const allowed = { text: "const aucOf = (dose: number) => dose / CL; // my attempt", numbers: [] };
    expect(checkLeak("Your line (dose: number) => dose / CL looks right; check the units.", solution, allowed).leak).toBe(false);
  });
  it("catches the answer value, rounded, in its unit or bare; not in another unit", () => {
    // AUC = dose / CL = 100 mg / 2.8 L/h = 35.71 mg·h/L
    expect(checkLeak("AUC ≈ 35.7 mg·h/L", solution, none).leak).toBe(true);
    expect(checkLeak("it comes to 36", solution, none).leak).toBe(true);
    expect(checkLeak("the infusion lasts 36 h", solution, none).leak).toBe(false);
    expect(checkLeak("Divide the dose by the clearance.", solution, none).leak).toBe(false);
  });
});

describe("solution code of a cell", () => {
  it("is the lines between the markers only", () => {
    expect(solutionCode("const CL = 2.8;\n// BEGIN SOLUTION\nconst ke = CL / V;\n// END SOLUTION\nshow(ke);")).toBe("const ke = CL / V;");
  });
});
