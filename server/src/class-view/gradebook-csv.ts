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
  const columns = ["student", ...summary.exercises, "total", "max", "checks", "tutor_requests"];
  const rows = summary.students.map((student) => {
    const row: Record<string, string | number> = { student };
    let checks = 0;
    for (const exercise of summary.exercises) {
      const cell = summary.grid[student]?.[exercise];
      checks += cell?.attempts ?? 0;
      row[exercise] = points.get(student)?.get(exercise) ?? cell?.bestScore ?? "";
    }
    row.total = summary.grades[student]?.total ?? "";
    row.max = summary.grades[student]?.max ?? "";
    row.checks = checks;
    row.tutor_requests = summary.tutor[student]?.requests ?? 0;
    return row;
  });
  return Papa.unparse({ fields: columns, data: rows.map((r) => columns.map((c) => r[c])) }, { escapeFormulae: true }) + "\r\n";
}
