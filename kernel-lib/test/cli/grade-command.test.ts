import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { runPmxlab } from "./run-bin.js";

// `pmxlab grade` on a generated class of 30 submissions of the pk-basics lesson
// 01-elimination (5 of the course's points: half-life 2 in two items, AUC 2 in two items one hidden,
// log plot 1), in the real tslab kernel. Expected points follow from how each submission
// was written, not from the grader's output.
const repo = resolve(__dirname, "../../..");
const course = join(repo, "courses", "pk-basics");
const work = join(repo, "test-results", "grade-class");
const NOTEBOOK = "01-elimination.ipynb";

const RIGHT = {
  "pk-basics/half-life": "const ke = CL / V;\nconst halfLife = Math.LN2 / ke;",
  "pk-basics/auc": "const aucOf = (dose: number) => dose / CL;",
  "pk-basics/log-plot": 'const fig = simulate("pk1cmt_iv", { regimen: "500 mg", times: { end: 48, step: 0.5 }, params: { CL: CL, V: V } }).plot({ log: true });\nshow(fig);',
};
type Answers = Partial<Record<keyof typeof RIGHT, string>>;

interface Student {
  name: string;
  answers: Answers;
  /** Expected points per exercise id. */
  points: Record<keyof typeof RIGHT, number>;
  edit?: (nb: { cells: { metadata: Record<string, any>; source: string | string[] }[] }) => void;
  note?: RegExp;
}

/** The points of every exercise cell of the course's notebooks, read from their metadata. */
const coursePoints = readdirSync(course)
  .filter((f) => f.endsWith(".ipynb"))
  .flatMap((f) => JSON.parse(readFileSync(join(course, f), "utf8")).cells as { metadata: { pmxlab?: { exercise?: { points: number } } } }[])
  .reduce((sum, c) => sum + (c.metadata.pmxlab?.exercise?.points ?? 0), 0);

const full = { "pk-basics/half-life": 2, "pk-basics/auc": 2, "pk-basics/log-plot": 1 };
const zero = { "pk-basics/half-life": 0, "pk-basics/auc": 0, "pk-basics/log-plot": 0 };
const students: Student[] = [];
for (let i = 1; i <= 12; i++) students.push({ name: `correct-${i}`, answers: RIGHT, points: full });
for (let i = 1; i <= 5; i++) {
  // ln 2 forgotten: ke right (1 of 2 items), half-life wrong; AUC divided by ke: both AUC items wrong.
  students.push({
    name: `partial-${i}`,
    answers: { ...RIGHT, "pk-basics/half-life": "const ke = CL / V;\nconst halfLife = 1 / ke;", "pk-basics/auc": "const aucOf = (dose: number) => dose / (CL / V);" },
    points: { "pk-basics/half-life": 1, "pk-basics/auc": 0, "pk-basics/log-plot": 1 },
  });
}
for (let i = 1; i <= 3; i++) {
  // Right for 500 mg only: passes the visible AUC item, fails the hidden 1200 mg one.
  students.push({ name: `hardcoded-${i}`, answers: { ...RIGHT, "pk-basics/auc": "const aucOf = (dose: number) => 500 / CL;" }, points: { ...full, "pk-basics/auc": 1 } });
}
for (let i = 1; i <= 5; i++) {
  students.push({
    name: `wrong-${i}`,
    answers: { "pk-basics/half-life": 'const ke = V / CL;\nconst halfLife = "3 min";', "pk-basics/auc": "const aucOf = (dose: number) => dose * CL;", "pk-basics/log-plot": 'const fig = simulate("pk1cmt_iv", { regimen: "500 mg", times: { end: 48, step: 0.5 } }).plot();' },
    points: zero,
  });
}
students.push({ name: "loop-forever", answers: { ...RIGHT, "pk-basics/auc": "while (true) {}\nconst aucOf = (dose: number) => dose / CL;" }, points: { ...full, "pk-basics/auc": 0 } });
students.push({ name: "process-exit", answers: { ...RIGHT, "pk-basics/half-life": "process.exit(0);" }, points: zero, note: /kernel died/ });
students.push({
  name: "deleted-cell",
  answers: RIGHT,
  points: { ...full, "pk-basics/auc": 0 },
  edit: (nb) => {
    nb.cells = nb.cells.filter((c) => c.metadata.pmxlab?.exercise?.id !== "pk-basics/auc");
  },
  note: /pk-basics\/auc: deleted/,
});
students.push({
  name: "tampered-metadata",
  // Points the half-life exercise at the plot check, which its (wrong) answers do not fool: the course's check is used.
  answers: { ...RIGHT, "pk-basics/half-life": "const ke = 1;\nconst halfLife = 1;\nconst fig = simulate(\"pk1cmt_iv\", { regimen: \"1 mg\" }).plot({ log: true });" },
  points: { ...full, "pk-basics/half-life": 0 },
  edit: (nb) => {
    const cell = nb.cells.find((c) => c.metadata.pmxlab?.exercise?.id === "pk-basics/half-life")!;
    cell.metadata.pmxlab.exercise = { ...cell.metadata.pmxlab.exercise, check: "logPlot", points: 100 };
  },
  note: /metadata edited/,
});
students.push({ name: "edited-checks", answers: RIGHT, points: full, note: /checks\.ts was edited/ });

describe("pmxlab grade", () => {
  it("grades a class of 30 with a loop, a process.exit, a deleted cell and tampering, without stopping", async () => {
    expect(students).toHaveLength(30);
    rmSync(work, { recursive: true, force: true });
    const released = join(work, "released");
    expect((await runPmxlab(["release", course, "--out", released], 60_000)).code).toBe(0);
    const template = readFileSync(join(released, NOTEBOOK), "utf8");
    for (const s of students) {
      const nb = JSON.parse(template);
      for (const cell of nb.cells) {
        const id = cell.metadata.pmxlab?.exercise?.id as keyof typeof RIGHT | undefined;
        if (id && s.answers[id]) cell.source = s.answers[id];
      }
      s.edit?.(nb);
      mkdirSync(join(work, "class", s.name), { recursive: true });
      writeFileSync(join(work, "class", s.name, NOTEBOOK), JSON.stringify(nb));
      const checks = readFileSync(join(released, "checks.ts"), "utf8");
      writeFileSync(join(work, "class", s.name, "checks.ts"), s.name === "edited-checks" ? checks.replace("defineCheck([", "defineCheck([{ name: 'free', test: () => ({ passed: true, message: '' }) },") : checks);
    }
    const out = join(work, "grades.csv");
    const r = await runPmxlab(["grade", join(work, "class"), "--course", course, "--out", out, "--cell-timeout", "15", "--timeout", "240"], 1_500_000);
    console.log(r.stdout.split("\n").slice(-2).join("\n"));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);

    const rows = Papa.parse<Record<string, string>>(readFileSync(out, "utf8"), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(30);
    for (const s of students) {
      const row = rows.find((x) => x.student === s.name)!;
      const got = Object.fromEntries(Object.keys(full).map((id) => [id, Number(row[id])]));
      expect({ student: s.name, ...got }).toEqual({ student: s.name, ...s.points });
      expect(Number(row.total)).toBe(Object.values(s.points).reduce((a, b) => a + b, 0));
      // The class submitted the first lesson only: the other notebooks' points count in max, as 0 with a note.
      expect(row.max).toBe(String(coursePoints));
      expect(row["pk-basics/own-model"]).toBe("0");
      expect(row.notes).toMatch(/02-oral-dosing.ipynb was not submitted/);
      if (s.note) expect(row.notes).toMatch(s.note);
    }
    const feedback = readFileSync(join(work, "feedback", "partial-1.md"), "utf8");
    expect(feedback).toMatch(/ln 2 is missing/);
    expect(feedback).toMatch(/AUC of 1200 mg \(mg·h\/L\) \(hidden\)/);
    expect(readFileSync(join(work, "feedback", "loop-forever.md"), "utf8")).toMatch(/timeout/);
  }, 1_800_000);
});
