import { describe, expect, it } from "vitest";
import { answersFrom, defineCheck, numericAnswer, runCheck } from "../../src/exercise/index.js";

describe("runCheck", () => {
  const check = defineCheck([
    { name: "half-life", test: (a) => numericAnswer(a.get("halfLife"), { value: Math.log(2) * 10, unit: "h" }) },
    { name: "clearance", hidden: true, test: (a) => numericAnswer(a.get("cl"), "5 L/h") },
  ]);

  it("returns the DESIGN.md result: passed, the fraction of items passed as score, an item per check item", async () => {
    const result = await runCheck(check, answersFrom({ halfLife: "6.93 h", cl: 4 }));
    expect(result.passed).toBe(false);
    expect(result.score).toBe(0.5);
    expect(result.items.map((i) => [i.name, i.passed, i.hidden])).toEqual([["half-life", true, undefined], ["clearance", false, true]]);
  });

  it("fails an item whose variable is not defined with 'run the cells above first'", async () => {
    const result = await runCheck(check, answersFrom(new Map([["halfLife", 6.93]])));
    expect(result.items[1]).toMatchObject({ passed: false });
    expect(result.items[1].message).toMatch(/`cl` is not defined.*run the cells above first/);
  });

  it("turns a throwing item and an item that never finishes into failures with their reason", async () => {
    const bad = defineCheck([
      { name: "throws", test: () => { throw new Error("reference simulation failed"); } },
      { name: "hangs", test: () => new Promise(() => {}) },
    ]);
    const started = Date.now();
    const result = await runCheck(bad, answersFrom({}), { timeoutMs: 50 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result).toMatchObject({ passed: false, score: 0 });
    expect(result.items[0].message).toBe("reference simulation failed");
    expect(result.items[1].message).toMatch(/did not finish within 0.05 s/);
  });

  it("never reads answers from an object's prototype", async () => {
    expect(answersFrom({}).has("toString")).toBe(false);
  });

  it("refuses a check without items or with two items of one name", () => {
    expect(() => defineCheck([])).toThrow(/at least one item/);
    const item = { name: "x", test: () => ({ passed: true, message: "" }) };
    expect(() => defineCheck([item, item])).toThrow(/two items are named "x"/);
  });
});
