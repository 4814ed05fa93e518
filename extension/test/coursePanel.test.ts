// @vitest-environment jsdom
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it, vi } from "vitest";

// jsdom lacks DragEvent, which @lumino/dragdrop (loaded through @lumino/widgets) subclasses at import.
vi.hoisted(() => {
  (globalThis as { DragEvent?: unknown }).DragEvent ??= class DragEvent extends MouseEvent {};
});

import { CoursePanel } from "../src/exercise/CoursePanel.js";
import { notebookProgress, parseCourseInfo, sortCourses } from "../src/exercise/courseProgress.js";

const course = resolve(__dirname, "../../courses/pk-basics");

describe("course progress", () => {
  it("reads the sample course's course.json", () => {
    const info = parseCourseInfo(JSON.parse(readFileSync(resolve(course, "course.json"), "utf8")), "course.json");
    expect(info.notebooks.map((n) => n.file)).toEqual([
      "01-elimination.ipynb",
      "02-oral-dosing.ipynb",
      "03-absorption-flip-flop.ipynb",
      "04-infusion-multiple-dosing.ipynb",
      "05-two-compartment.ipynb",
      "06-renal-impairment.ipynb",
    ]);
    expect(info.order).toBe(1);
    expect(info.notebooks[0].prerequisites).toEqual(["exponentials and natural logarithms"]);
    expect(info.notebooks[1].prerequisites).toEqual(["pk-basics/01-elimination.ipynb"]);
    expect(() => parseCourseInfo({ notebooks: [] }, "x/course.json")).toThrow(/x\/course.json: a course.json needs a title/);
  });

  it("orders courses by `order`, ties by folder, courses without an order last", () => {
    const course = (dir: string, order?: number) => ({ dir, info: parseCourseInfo({ order, title: dir, notebooks: [] }, dir) });
    const sorted = sortCourses([course("mine"), course("qsp", 5), course("b-pk", 1), course("a-pk", 1), course("llm", 6), course("nca", 2)]);
    expect(sorted.map((c) => c.dir)).toEqual(["a-pk", "b-pk", "nca", "qsp", "llm", "mine"]);
  });

  it("counts exercises, passes and points from the saved check results", () => {
    const notebook = JSON.parse(readFileSync(resolve(course, "01-elimination.ipynb"), "utf8"));
    // Nothing checked yet: three exercises worth 2 + 2 + 1 points.
    expect(notebookProgress(notebook)).toEqual({ exercises: 3, passed: 0, points: 5, earned: 0 });
    const cells = notebook.cells.filter((c: { metadata: { pmxlab?: { exercise?: unknown } } }) => c.metadata.pmxlab?.exercise);
    cells[0].metadata.pmxlab.check = { result: { passed: true, score: 1, items: [] } };
    cells[1].metadata.pmxlab.check = { result: { passed: false, score: 0.5, items: [] } };
    expect(notebookProgress(notebook)).toEqual({ exercises: 3, passed: 1, points: 5, earned: 3 });
  });

  it("shows each notebook with its progress and objectives, and opens it on click", () => {
    const open = vi.fn();
    const panel = new CoursePanel({ open, refresh: () => {} });
    const info = parseCourseInfo(JSON.parse(readFileSync(resolve(course, "course.json"), "utf8")), "course.json");
    panel.render([{ dir: "pk-basics", info, progress: new Map([["01-elimination.ipynb", { exercises: 3, passed: 1, points: 5, earned: 3 }], ["02-oral-dosing.ipynb", undefined]]) }]);
    const rows = [...panel.node.querySelectorAll(".pmx-CoursePanel-progress")].map((n) => n.textContent);
    // Notebooks with no progress entry (02–06) are not in the folder.
    expect(rows).toEqual(["1/3 exercises · 3/5 points", ...Array(5).fill("not in this folder")]);
    expect(panel.node.querySelector(".pmx-CoursePanel-objectives li")?.textContent).toBe("Compute ke and the half-life from CL and V");
    (panel.node.querySelector(".pmx-CoursePanel-open") as HTMLButtonElement).click();
    expect(open).toHaveBeenCalledWith("pk-basics/01-elimination.ipynb");
  });

  it("shows the courses in catalogue order and each notebook's prerequisites", () => {
    const panel = new CoursePanel({ open: () => {}, refresh: () => {} });
    const info = parseCourseInfo(JSON.parse(readFileSync(resolve(course, "course.json"), "utf8")), "course.json");
    const later = parseCourseInfo({ order: 6, title: "Language models", notebooks: [{ file: "01.ipynb", prerequisites: ["pk-basics/02-oral-dosing.ipynb", "reading a model file"] }] }, "llm/course.json");
    panel.render([{ dir: "llm", info: later, progress: new Map() }, { dir: "pk-basics", info, progress: new Map() }]);
    expect([...panel.node.querySelectorAll(".pmx-CoursePanel-course")].map((n) => (n as HTMLElement).dataset.course)).toEqual(["pk-basics", "llm"]);
    const rows = [...panel.node.querySelectorAll(".pmx-CoursePanel-notebook")].map((n) => n.querySelector(".pmx-CoursePanel-prerequisites")?.textContent ?? null);
    const before = (prerequisites: string[]) => (prerequisites.length > 0 ? `Before this: ${prerequisites.join(", ")}` : null);
    expect(rows).toEqual([...info.notebooks.map((n) => before(n.prerequisites)), "Before this: pk-basics/02-oral-dosing.ipynb, reading a model file"]);
  });
});
