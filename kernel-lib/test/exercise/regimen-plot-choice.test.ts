import { describe, expect, it } from "vitest";
import { simulate } from "../../src/index.js";
import { choiceAnswer, mistake, plotAnswer, regimenAnswer } from "../../src/exercise/index.js";

describe("regimenAnswer", () => {
  it("takes equivalent dosing texts as the same regimen", () => {
    expect(regimenAnswer("200 mg at 0, 12, 24 h", "200 mg q12h x 3").passed).toBe(true);
    expect(regimenAnswer("0.2 g q12h x 3", "200 mg q12h x 3").passed).toBe(true);
    expect(regimenAnswer("200 mg q12h for 36 h", "200 mg q12h x 3").passed).toBe(true);
  });

  it("names τ off by one when the author lists that regimen, and otherwise says what differs", () => {
    const outcome = regimenAnswer("200 mg q12h x 4", "200 mg q12h x 3", { misconceptions: [mistake("tauOffByOne", "200 mg q12h x 4")] });
    expect(outcome).toMatchObject({ passed: false, misconception: "τ off by one interval" });
    expect(regimenAnswer("200 mg q8h x 3", "200 mg q12h x 3").message).toMatch(/dose 2 is not at the asked time/);
    expect(() => regimenAnswer("every now and then", "200 mg")).toThrow(/does not read as a regimen/);
  });
});

describe("plotAnswer", () => {
  const sim = simulate("pk1cmt_iv", { regimen: "600 mg", times: { end: 24, step: 1 } });
  it("passes a figure with the asked-for log y axis and labels", () => {
    expect(plotAnswer(sim.plot({ log: true }), { logY: true, xTitle: "time", yTitle: /mg\/L/ }).passed).toBe(true);
  });
  it("lists every missing feature of a linear figure", () => {
    const outcome = plotAnswer(sim.plot(), { logY: true, minTraces: 2 });
    expect(outcome.passed).toBe(false);
    expect(outcome.message).toMatch(/logarithmic/);
    expect(outcome.message).toMatch(/1 trace\(s\); 2 are asked for/);
  });
});

describe("choiceAnswer", () => {
  it("ignores case and spaces, names the misconception of a tempting wrong choice, and rejects unknown choices", () => {
    expect(choiceAnswer(" c ", "C").passed).toBe(true);
    expect(choiceAnswer(["b", "a"], ["A", "B"]).passed).toBe(true);
    const wrong = choiceAnswer("A", "C", { misconceptions: { A: { name: "ke used for CL", message: "ke is a rate constant, not a clearance." } } });
    expect(wrong).toMatchObject({ passed: false, misconception: "ke used for CL" });
    expect(choiceAnswer("E", "C", { choices: ["A", "B", "C", "D"] }).message).toMatch(/E is not one of the choices/);
  });
});
