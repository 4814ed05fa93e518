// The gradebook export: one row per student. Spreadsheet programs run a cell that starts
// with = + - @ (or a tab or CR) as a formula, so such text cells are written with a leading
// apostrophe (papaparse's escapeFormulae): a student named "=HYPERLINK(…)" stays text.
import Papa from "papaparse";
import type { ClassSummary } from "./class-summary.js";

/**
 * `student, <exercise>…, total, max, checks, tutor_requests`: the exercise columns are the
 * graded points when the class has been graded, else the best *Check* score (0–1).
 */
export function gradebookCsv(summary: ClassSummary, points: Map<string, Map<string, number>>): string {
  const fields = ["student", ...summary.exercises, "total", "max", "checks", "tutor_requests"];
  // Rows are arrays in the order of `fields`: an exercise id is a student's text (a *Check*
  // record), so it must not be a key next to "student" or "total" (or "__proto__").
  const data = summary.students.map((student) => {
    let checks = 0;
    const cells = summary.exercises.map((exercise) => {
      const cell = summary.grid[student]?.[exercise];
      checks += cell?.attempts ?? 0;
      return points.get(student)?.get(exercise) ?? cell?.bestScore ?? "";
    });
    const grade = summary.grades[student];
    return [student, ...cells, grade?.total ?? "", grade?.max ?? "", checks, summary.tutor[student]?.requests ?? 0];
  });
  return Papa.unparse({ fields, data }, { escapeFormulae: true }) + "\r\n";
}
