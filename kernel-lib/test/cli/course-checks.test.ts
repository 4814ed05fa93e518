import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runPmxlab } from "./run-bin.js";

// The proof that every check of every course can fail: each course notebook's checks pass
// on the instructor solution and fail on the released student stub, in the real tslab
// kernel (the project venv from scripts/setup.sh). Courses added later inherit this test.
const repo = resolve(__dirname, "../../..");
// Released copies go inside the repository (git-ignored test-results/), where tslab finds node_modules.
const work = join(repo, "test-results", "course-checks");

const courses = readdirSync(join(repo, "courses"), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(repo, "courses", d.name, "checks.ts")))
  .map((d) => d.name);

interface Report {
  notebooks: { cells: { status: string }[]; exercises: { id: string; result: { passed: boolean } }[] }[];
}

async function check(notebooks: string[], json: string): Promise<Report> {
  const r = await runPmxlab(["check", ...notebooks, "--json", json, "--jobs", "2", "--cell-timeout", "120"], 900_000);
  expect(r.stderr, "pmxlab check wrote to stderr").toBe("");
  return JSON.parse(readFileSync(json, "utf8")) as Report;
}

describe("every course exercise", () => {
  it("has a course to check", () => expect(courses.length).toBeGreaterThan(0));

  for (const course of courses) {
    it(`${course}: passes on the instructor solution and fails on the released stub`, async () => {
      rmSync(join(work, course), { recursive: true, force: true });
      mkdirSync(work, { recursive: true });
      const dir = join(repo, "courses", course);
      const notebooks = readdirSync(dir).filter((f) => f.endsWith(".ipynb")).sort();
      const out = join(work, course);
      expect((await runPmxlab(["release", dir, "--out", out], 60_000)).code).toBe(0);

      const instructor = (await check(notebooks.map((f) => join(dir, f)), join(work, `${course}-instructor.json`))).notebooks;
      const student = (await check(notebooks.map((f) => join(out, f)), join(work, `${course}-student.json`))).notebooks;
      const count = (r: Report["notebooks"], passed: boolean) => r.flatMap((n) => n.exercises).filter((e) => e.result.passed === passed).length;
      const total = instructor.flatMap((n) => n.exercises).length;
      console.log(`${course}: ${notebooks.length} notebooks, ${total} exercises; instructor solution: ${count(instructor, true)} passed; released stub: ${count(student, false)} failed`);

      expect(total).toBeGreaterThan(0);
      expect(instructor.flatMap((n) => n.cells).filter((c) => c.status !== "ok")).toEqual([]);
      expect(instructor.flatMap((n) => n.exercises).filter((e) => !e.result.passed).map((e) => e.id)).toEqual([]);
      // The stubs compile and run: no cell fails, yet every check does.
      expect(student.flatMap((n) => n.cells).filter((c) => c.status !== "ok")).toEqual([]);
      expect(student.flatMap((n) => n.exercises).filter((e) => e.result.passed).map((e) => e.id)).toEqual([]);
      expect(student.flatMap((n) => n.exercises)).toHaveLength(total);
    }, 1_800_000);
  }
});
