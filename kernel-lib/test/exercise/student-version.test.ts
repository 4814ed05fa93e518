import { describe, expect, it } from "vitest";
import { exerciseCells, exerciseProblems, stubSolutions, studentVersion, withoutHiddenChecks, type Notebook } from "../../src/exercise/index.js";

const instructor: Notebook = {
  nbformat: 4,
  nbformat_minor: 5,
  metadata: { kernelspec: { name: "tslab" } },
  cells: [
    { cell_type: "markdown", metadata: {}, source: "# Lesson" },
    { cell_type: "markdown", metadata: { pmxlab: { instructor: true } }, source: "The answer is 6.93 h." },
    {
      cell_type: "code",
      metadata: { pmxlab: { exercise: { id: "c/t", points: 2, check: "halfLife" }, check: { result: { passed: true } } } },
      source: "const k = 0.1;\n// BEGIN SOLUTION\nconst t: number = Math.LN2 / k; // 6.93 h\n// END SOLUTION\nconsole.log(t);",
      outputs: [{ output_type: "stream", name: "stdout", text: "6.93" }],
      execution_count: 3,
    },
  ],
};

describe("stubSolutions", () => {
  it("keeps each variable the solution declares, as undefined, so later code compiles", () => {
    expect(stubSolutions("a;\n// BEGIN SOLUTION\nconst ke = CL / V;\nconst t12 = Math.LN2 / ke;\n// END SOLUTION\nb;")).toBe(
      "a;\nlet ke: any = undefined; // TODO: your answer\nlet t12: any = undefined; // TODO: your answer\nb;",
    );
  });
  it("uses the author's // STUB lines when there are some", () => {
    expect(stubSolutions("  // BEGIN SOLUTION\n  // STUB const dose: number = NaN; // mg\n  const dose = 5 * 70;\n  // END SOLUTION")).toBe("  const dose: number = NaN; // mg");
  });
  it("names the line of an unclosed or stray marker", () => {
    expect(() => stubSolutions("x\n// BEGIN SOLUTION\ny", "a.ipynb cell 3")).toThrow(/a.ipynb cell 3 line 2: BEGIN SOLUTION is never closed/);
    expect(() => stubSolutions("// END SOLUTION")).toThrow(/line 1: END SOLUTION without BEGIN/);
  });
});

describe("studentVersion", () => {
  const student = studentVersion(instructor, "lesson.ipynb");
  const text = JSON.stringify(student);
  it("removes the solution, instructor notes, outputs, execution counts and check results", () => {
    expect(text).not.toMatch(/Math\.LN2|6\.93|BEGIN SOLUTION/);
    expect(student.cells).toHaveLength(2);
    expect(student.cells[1]).toMatchObject({ outputs: [], execution_count: null, metadata: { pmxlab: { exercise: { id: "c/t" } } } });
    expect((student.cells[1].metadata.pmxlab as Record<string, unknown>).check).toBeUndefined();
  });
  it("records the notebook's exercise ids, so a deleted exercise cell is found later", () => {
    expect(student.metadata.pmxlab).toEqual({ exercises: ["c/t"] });
    const deleted = { ...student, cells: student.cells.slice(0, 1) };
    expect(exerciseProblems(exerciseCells(deleted, "x"), ["c/t"]).missing).toEqual(["c/t"]);
    const duplicated = { ...student, cells: [...student.cells, student.cells[1]] };
    expect(exerciseProblems(exerciseCells(duplicated, "x"), ["c/t"]).duplicated).toEqual(["c/t"]);
  });
  it("refuses malformed exercise metadata, naming the cell and field", () => {
    const bad = { ...instructor, cells: [{ cell_type: "code" as const, metadata: { pmxlab: { exercise: { id: "x", points: -1, check: "c" } } }, source: "" }] };
    expect(() => studentVersion(bad, "b.ipynb")).toThrow(/b.ipynb cell 1: pmxlab.exercise.points/);
  });
});

describe("withoutHiddenChecks", () => {
  it("leaves the hidden items out of the student's checks module", () => {
    const source = "a,\n  // BEGIN HIDDEN\n  { name: 'secret', hidden: true },\n  // END HIDDEN\nb";
    expect(withoutHiddenChecks(source)).toBe("a,\nb");
    expect(() => withoutHiddenChecks("// BEGIN HIDDEN\nx")).toThrow(/line 1: BEGIN HIDDEN is never closed/);
  });
});
