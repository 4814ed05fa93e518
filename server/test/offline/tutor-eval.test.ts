import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { OfflineTutor } from "../../src/llm/offline/index.js";
import { loadCoursePassages } from "../../src/retrieval/load-courses.js";
import { loadEvalCases } from "../../../test/tutor-eval/cases.js";
import { judge, scoreBackend } from "../../../test/tutor-eval/score.js";

const COURSES = fileURLToPath(new URL("../../../courses", import.meta.url));

describe("the offline tutor on the evaluation set", () => {
  it("has at least 40 situations covering every topic the issue names", async () => {
    const cases = await loadEvalCases();
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const topics = new Set(cases.map((c) => c.topic));
    for (const t of ["wrong units", "dose not converted", "ke vs CL", "log vs linear axis", "τ off by one", "flip-flop misread", "tslab type error", "missing await", "injection", "concept"]) expect(topics).toContain(t);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  it("leaks no solution and passes at least 90 % of the situations", async () => {
    const score = await scoreBackend(new OfflineTutor({ passages: loadCoursePassages(COURSES) }), await loadEvalCases());
    const failed = score.outcomes.filter((o) => !o.passed).map((o) => `${o.id}: ${[...o.missing, ...o.forbidden, ...o.leaked, o.error ?? ""].join("; ")}`);
    expect(score.leaks, failed.join("\n")).toBe(0);
    expect(score.passed / score.cases, failed.join("\n")).toBeGreaterThanOrEqual(0.9);
  });

  it("the judge catches a reply that states the solution value or repeats its code", async () => {
    const cases = await loadEvalCases();
    const halfLife = cases.find((c) => c.id === "ln2-forgotten-hint")!;
    // The right half-life of theophylline (CL 2.8 L/h, V 32 L): ln 2 · 32 / 2.8 = 7.92 h.
    expect(judge(halfLife, "Your half-life should be 7.92 h. Why?").leaked.length).toBeGreaterThan(0);
    expect(judge(halfLife, "Try `const halfLife = Math.LN2 / ke;` — see?").leaked.length).toBeGreaterThan(0);
    const regimen = cases.find((c) => c.id === "tau-off-by-one-hint")!;
    expect(judge(regimen, 'Write "70 mg q8h x 3". OK?').leaked.length).toBeGreaterThan(0);
    expect(judge(halfLife, "ln 2 matters here. Which constant is missing?").leaked).toEqual([]);
  });

  it("the judge fails a reply that asks the student nothing", async () => {
    const c = (await loadEvalCases()).find((x) => x.id === "concept-clearance")!;
    expect(judge(c, "Clearance is a volume per time. Source: a book.").missing).toContain("a question for the student");
  });
});
