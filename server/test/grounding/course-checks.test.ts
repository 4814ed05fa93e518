// The run_check tool's checks come from the courses' own checks.ts, as students get them:
// the pk-basics half-life check judges values computed here from the course's drug
// (theophylline CL 2.8 L/h, V 32 L: ke = CL/V, t½ = ln 2/ke), and hidden items are absent.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { answersFrom, runCheck } from "@pmxlab/kernel/exercise";
import { afterAll, describe, expect, it } from "vitest";
import { courseChecks, expectedValues } from "../../src/grounding/index.js";

const courses = resolve(__dirname, "../../../courses");
const broken = mkdtempSync(join(tmpdir(), "pmxlab-checks-"));
afterAll(() => rmSync(broken, { recursive: true, force: true }));

describe("courseChecks", () => {
  const lookup = courseChecks(courses);

  it("runs a course's check on values: right, and the ln 2 mistake named", async () => {
    const check = lookup("pk-basics/half-life");
    expect(check).toBeDefined();
    const ke = 2.8 / 32;
    expect((await runCheck(check!, answersFrom({ ke, halfLife: `${Math.LN2 / ke} h` }))).passed).toBe(true);
    const wrong = await runCheck(check!, answersFrom({ ke, halfLife: 1 / ke }));
    expect(wrong.passed).toBe(false);
    expect(wrong.items.find((i) => !i.passed)?.misconception).toBe("ln 2 forgotten");
  });

  it("leaves hidden items out (grading alone runs them)", async () => {
    // pk-basics/auc has a visible item and a hidden one (another dose): only the first is here.
    const check = lookup("pk-basics/auc");
    expect(check?.items.map((i) => i.hidden ?? false)).toEqual([false]);
  });

  it("offers nothing for unknown exercises and courses, or a path in the id", () => {
    expect(lookup("pk-basics/no-such-exercise")).toBeUndefined();
    expect(lookup("no-such-course/x")).toBeUndefined();
    expect(lookup("../etc/passwd")).toBeUndefined();
  });

  it("a course whose checks do not load offers no check and reports why", () => {
    mkdirSync(join(broken, "bad"));
    writeFileSync(join(broken, "bad", "checks.ts"), "export const x = ;\n");
    writeFileSync(join(broken, "bad", "01.ipynb"), JSON.stringify({ cells: [{ metadata: { pmxlab: { exercise: { id: "bad/x", check: "x" } } } }] }));
    const errors: string[] = [];
    expect(courseChecks(broken, (course) => errors.push(course))("bad/x")).toBeUndefined();
    expect(errors).toEqual(["bad"]);
  });
});

describe("expectedValues", () => {
  it("lists the numbers a check expects, computed by the check (theophylline: ke = CL/V, t½ = ln 2/ke)", () => {
    const ke = 2.8 / 32;
    const values = expectedValues(courseChecks(courses)("pk-basics/half-life")!);
    expect(values.map((v) => v.unit)).toEqual(["1/h", "h"]);
    expect(values[0].value).toBeCloseTo(ke, 10);
    expect(values[1].value).toBeCloseTo(Math.LN2 / ke, 10);
  });

  it("gives the leak guard the answer values: a reply stating the half-life is a leak", async () => {
    const { checkLeak } = await import("../../src/tutor/leak-guard.js");
    const { courseSolutions, withAnswerValues } = await import("../../src/tutor/solution.js");
    const lookup = courseChecks(courses);
    const solutions = withAnswerValues(courseSolutions(courses), (id) => expectedValues(lookup(id)!));
    const solution = solutions("pk-basics/half-life")!;
    const halfLife = (Math.LN2 * 32) / 2.8;
    expect(checkLeak(`The half-life is ${halfLife.toFixed(2)} h.`, solution, { text: "", numbers: [] }).leak).toBe(true);
    expect(checkLeak("The half-life is the time for the concentration to halve.", solution, { text: "", numbers: [] }).leak).toBe(false);
  });
});
