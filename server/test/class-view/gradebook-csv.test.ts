// The gradebook's columns come from exercise ids, which reach the records from students: an id
// that equals another column's name ("student", "total") or an Object key ("__proto__") must
// stay a column of its own and leave the others alone.
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import type { ClassSummary } from "../../src/class-view/class-summary.js";
import { gradebookCsv } from "../../src/class-view/gradebook-csv.js";

const none = () => Object.create(null) as Record<string, never>;

describe("gradebookCsv", () => {
  it("keeps each exercise id a column of its own, whatever its name", () => {
    const exercises = ["student", "__proto__", "total", "c/a"];
    const cells = Object.create(null) as Record<string, { attempts: number; passed: boolean; bestScore: number }>;
    exercises.forEach((id, i) => (cells[id] = { attempts: 1, passed: true, bestScore: (i + 1) / 10 }));
    const summary: ClassSummary = {
      course: "c",
      exercises,
      students: ["ada"],
      grid: Object.assign(none(), { ada: cells }),
      tutor: Object.assign(none(), { ada: { requests: 2, hints: 1 } }),
      failingItems: [],
      misconceptions: [],
      grades: Object.assign(none(), { ada: { total: 7, max: 10 } }),
    };
    const rows = Papa.parse<string[]>(gradebookCsv(summary, new Map()).trim()).data;
    expect(rows).toEqual([
      ["student", "student", "__proto__", "total", "c/a", "total", "max", "checks", "tutor_requests"],
      ["ada", "0.1", "0.2", "0.3", "0.4", "7", "10", "4", "2"],
    ]);
  });
});
