import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import Papa from "papaparse";
import { withoutHiddenChecks, type Exercise } from "@pmxlab/kernel/exercise";
import { count, seconds } from "./check-command.js";
import { readCourse, resolveCourse, type Course } from "./exercise/course.js";
import { checkNotebook, type ExerciseOutcome, type NotebookReport } from "./exercise/notebook-check.js";
import { inParallel } from "./parallel.js";
import { UsageError } from "./usage-error.js";

export const GRADE_USAGE = `pmxlab grade SUBMISSIONS --course COURSE --out grades.csv
             [--jobs N] [--timeout SECONDS] [--cell-timeout SECONDS] [--memory MB] [--feedback DIR]

Grades a class: SUBMISSIONS holds one folder per student with their notebooks (named as in
the course). Each notebook runs headless in its own tslab kernel with the course's checks,
N at a time (default: the number of cores), with a time-out and a heap cap per notebook.
Writes one row per student with a column per exercise (points earned) and totals, and a
feedback file per student (every check item, hidden ones included, and every problem).`;

/** The grade of one student. */
interface StudentGrade {
  student: string;
  outcomes: Map<string, ExerciseOutcome>;
  notes: string[];
  reports: NotebookReport[];
}

/** `pmxlab grade`: the DESIGN.md contract. A student's crash or endless loop never stops the batch. */
export async function gradeCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      course: { type: "string" },
      out: { type: "string" },
      jobs: { type: "string" },
      timeout: { type: "string" },
      "cell-timeout": { type: "string" },
      memory: { type: "string" },
      feedback: { type: "string" },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError("give one submissions folder");
  const jobs = count("jobs", values.jobs, availableParallelism());
  if (!values.course) throw new UsageError("missing --course COURSE");
  if (!values.out) throw new UsageError("missing --out grades.csv");
  const submissions = resolve(positionals[0]);
  if (!existsSync(submissions)) throw new UsageError(`submissions folder not found: ${positionals[0]}`);
  const course = readCourse(resolveCourse(values.course));
  mkdirSync(dirname(resolve(values.out)), { recursive: true });
  const limits = {
    notebookTimeout: seconds("timeout", values.timeout, 300),
    cellTimeout: seconds("cell-timeout", values["cell-timeout"], 60),
    memoryMb: seconds("memory", values.memory, 1024),
  };
  const students = readdirSync(submissions, { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith(".")).map((d) => d.name).sort();
  const grades = new Map<string, StudentGrade>(students.map((s) => [s, { student: s, outcomes: new Map(), notes: checksNotes(course, join(submissions, s)), reports: [] }]));

  const tasks: { student: string; file: string; exercises: Exercise[] }[] = [];
  for (const student of students) {
    for (const [file, exercises] of course.notebooks) {
      if (exercises.length === 0) continue;
      if (existsSync(join(submissions, student, file))) tasks.push({ student, file, exercises });
      else grades.get(student)!.notes.push(`${file} was not submitted`);
    }
  }
  const out = resolve(values.out);
  // Each student's folder is graded in a copy beside the grades, with the course's own
  // checks.ts (hidden items included) in place of theirs: tslab compiles only files under
  // the kernel's folder, and the submissions stay untouched.
  const workDir = join(dirname(out), ".pmxlab-grading");
  rmSync(workDir, { recursive: true, force: true });
  for (const student of students) {
    cpSync(join(submissions, student), join(workDir, student), { recursive: true });
    copyFileSync(course.checksFile, join(workDir, student, "checks.ts"));
  }
  const started = Date.now();
  let done = 0;
  await inParallel(
    tasks,
    jobs,
    async (task) => {
      const submitted = join(submissions, task.student, task.file);
      // A notebook that cannot be read (broken JSON, malformed exercise metadata) scores 0 with the reason.
      const report = await checkNotebook(join(workDir, task.student, task.file), { ...limits, expected: task.exercises }).catch((error: Error) => unreadable(submitted, task.exercises, error.message));
      report.notebook = submitted;
      return report;
    },
    (report, task) => {
      const grade = grades.get(task.student)!;
      grade.reports.push(report);
      for (const e of report.exercises) grade.outcomes.set(e.id, e);
      if (report.stopped) grade.notes.push(`${task.file}: ${report.stopped}`);
      done++;
      process.stdout.write(`[${done}/${tasks.length}] ${task.student}/${task.file}: ${report.exercises.filter((e) => e.result.passed).length}/${report.exercises.length} exercises passed${report.stopped ? " — " + report.stopped : ""}\n`);
    },
  );
  const minutes = (Date.now() - started) / 60_000;

  const all = [...course.notebooks.values()].flat();
  const max = all.reduce((sum, e) => sum + e.points, 0);
  const rows = [...grades.values()].map((g) => {
    const row: Record<string, string | number> = { student: g.student };
    let total = 0;
    for (const e of all) {
      const points = round(e.points * (g.outcomes.get(e.id)?.result.score ?? 0));
      row[e.id] = points;
      total += points;
    }
    row.total = round(total);
    row.max = max;
    row.notes = [...g.notes, ...[...g.outcomes.values()].flatMap((o) => o.problems.map((p) => `${o.id}: ${p}`))].join("; ");
    return row;
  });
  rmSync(workDir, { recursive: true, force: true });
  writeFileSync(out, Papa.unparse(rows, { columns: ["student", ...all.map((e) => e.id), "total", "max", "notes"] }) + "\n");
  const feedbackDir = resolve(values.feedback ?? join(dirname(out), "feedback"));
  mkdirSync(feedbackDir, { recursive: true });
  for (const g of grades.values()) writeFileSync(join(feedbackDir, `${g.student}.md`), feedback(g, all, max));
  process.stdout.write(`graded ${students.length} student(s), ${tasks.length} notebook(s) in ${(minutes * 60).toFixed(1)} s (${(tasks.length / minutes).toFixed(1)} notebooks/min, ${jobs} at a time); grades: ${out}; feedback: ${feedbackDir}\n`);
  return 0;
}

function unreadable(notebook: string, exercises: Exercise[], reason: string): NotebookReport {
  const stopped = `the notebook could not be graded: ${reason}`;
  return {
    notebook,
    cells: [],
    exercises: exercises.map((e) => ({ id: e.id, check: e.check, points: e.points, problems: [], result: { passed: false, score: 0, items: [{ name: "notebook", passed: false, message: stopped }] } })),
    stopped,
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** A note when the student's copy of checks.ts differs from the released one (it is never used for grading). */
function checksNotes(course: Course, studentDir: string): string[] {
  const copy = join(studentDir, "checks.ts");
  if (!existsSync(copy)) return [];
  const released = withoutHiddenChecks(readFileSync(course.checksFile, "utf8"));
  return readFileSync(copy, "utf8") === released ? [] : ["checks.ts was edited (ignored: graded with the course's checks)"];
}

function feedback(g: StudentGrade, all: Exercise[], max: number): string {
  const lines = [`# Feedback for ${g.student}`, ""];
  let total = 0;
  for (const e of all) {
    const o = g.outcomes.get(e.id);
    const points = round(e.points * (o?.result.score ?? 0));
    total += points;
    lines.push(`## ${e.id}: ${points} / ${e.points}`);
    if (!o) lines.push("- not graded: its notebook was not submitted");
    for (const p of o?.problems ?? []) lines.push(`- problem: ${p}`);
    for (const item of o?.result.items ?? []) lines.push(`- ${item.passed ? "✓" : "✗"} ${item.name}${item.hidden ? " (hidden)" : ""}: ${item.message}`);
    lines.push("");
  }
  for (const r of g.reports) {
    for (const c of r.cells.filter((x) => x.status !== "ok")) lines.push(`- ${r.notebook.split("/").pop()} cell ${c.cell}: ${c.status}${c.message ? " — " + c.message : ""}`);
  }
  if (g.notes.length > 0) lines.push("", "Notes:", ...g.notes.map((n) => `- ${n}`));
  lines.push("", `Total: ${round(total)} / ${max}`, "");
  return lines.join("\n");
}
