import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Notebook } from "@pmxlab/kernel/exercise";
import { CourseIndex, passagesFromNotebook } from "../../src/retrieval/index.js";
import { loadCoursePassages } from "../../src/retrieval/load-courses.js";

const COURSES = fileURLToPath(new URL("../../../courses", import.meta.url));

function notebook(cells: Notebook["cells"]): Notebook {
  return { cells, metadata: {}, nbformat: 4, nbformat_minor: 5 };
}

const SECRET = notebook([
  { cell_type: "markdown", metadata: {}, source: "# Clearance\nClearance relates the rate of elimination to the concentration." },
  { cell_type: "markdown", metadata: { pmxlab: { instructor: true } }, source: "Instructor note: the answer is zebrafish clearance 42.5 L/h." },
  { cell_type: "markdown", metadata: {}, source: "## Worked answer\nSee below.\n<!-- BEGIN SOLUTION -->\nThe zebrafish answer is 42.5 L/h.\n<!-- END SOLUTION -->\nAfter the region." },
  { cell_type: "markdown", metadata: {}, source: "## Unclosed\nVisible line.\n// BEGIN SOLUTION\nzebrafish 42.5 never closed" },
  {
    cell_type: "code",
    metadata: { pmxlab: { exercise: { id: "c/zebra", points: 1, check: "zebra" } } },
    source: "// zebrafish clearance\n// BEGIN SOLUTION\nconst zebrafishCl = 42.5;\n// END SOLUTION",
    outputs: [],
    execution_count: null,
  },
]);

describe("course retrieval", () => {
  it("a student never sees instructor cells, solution regions or code cells through retrieval", () => {
    const passages = passagesFromNotebook(SECRET, { course: "c", notebook: "n.ipynb" });
    const all = passages.map((p) => p.text).join("\n");
    expect(all).toContain("Clearance relates the rate of elimination");
    expect(all).toContain("After the region.");
    expect(all).toContain("Visible line.");
    expect(all).not.toMatch(/zebrafish|42\.5|Instructor note/);
    const index = new CourseIndex(passages);
    expect(index.search("zebrafish")).toEqual([]);
    expect(index.search("instructor")).toEqual([]);
  });

  it("passages are cut at headings and carry the heading as their title", () => {
    const titles = passagesFromNotebook(SECRET, { course: "c", notebook: "n.ipynb" }).map((p) => p.title);
    expect(titles).toEqual(["Clearance", "Worked answer", "Unclosed"]);
  });

  it("the sample course is indexed without its instructor notes and solutions, and a question finds its section", () => {
    const passages = loadCoursePassages(COURSES).filter((p) => p.course === "pk-basics");
    expect(passages.length).toBeGreaterThanOrEqual(8);
    const all = passages.map((p) => p.text).join("\n");
    // 01-elimination's instructor cell and the solutions of both notebooks (read from the notebooks themselves)
    expect(all).not.toContain("Instructor note");
    expect(all).not.toContain("Math.LN2 / ke");
    expect(all).not.toContain('"70 mg q8h x 3"');
    const index = new CourseIndex(passages);
    const hit = index.search("what is the bioavailability of propranolol", { limit: 1 })[0];
    expect(hit.passage.notebook).toBe("02-oral-dosing.ipynb");
    expect(hit.passage.text).toContain("F = 0.26");
    const logPlot = index.search("log scale plot", { limit: 1 })[0];
    expect(logPlot.passage.title).toMatch(/log-scale plot/);
  });

  it("a search limited to courses returns only those courses's passages", () => {
    const passages = [
      { id: "a/x#1", course: "a", notebook: "x", title: "Half-life", text: "half-life of theophylline" },
      { id: "b/y#1", course: "b", notebook: "y", title: "Half-life", text: "half-life of warfarin" },
    ];
    const index = new CourseIndex(passages);
    expect(index.search("half-life").length).toBe(2);
    expect(index.search("half-life", { courses: ["b"] }).map((r) => r.passage.id)).toEqual(["b/y#1"]);
  });

  it("a passage id given twice is refused, naming it", () => {
    const p = { id: "a/x#1", course: "a", notebook: "x", title: "t", text: "t" };
    expect(() => new CourseIndex([p, p])).toThrow('course passage id "a/x#1" appears twice');
  });

  it("the sample notebooks read from disk are the ones the test expects", () => {
    // Guards the test above: the hidden solution really is in the instructor notebook.
    const raw = readFileSync(`${COURSES}/pk-basics/01-elimination.ipynb`, "utf8");
    expect(raw).toContain("Math.LN2 / ke");
    expect(raw).toContain("Instructor note");
  });
});
