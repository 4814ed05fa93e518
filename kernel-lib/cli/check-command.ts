import { writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { notebookPassed, checkNotebook, type NotebookReport } from "./exercise/notebook-check.js";
import { inParallel } from "./parallel.js";
import { UsageError } from "./usage-error.js";

export const CHECK_USAGE = `pmxlab check NOTEBOOK.ipynb... [--json OUT.json] [--jobs N] [--cell-timeout SECONDS] [--timeout SECONDS]

Executes each notebook headless in the tslab kernel (the project's .venv, made by
scripts/setup.sh), runs every exercise's check (from ./checks beside the notebook) and
prints a line per cell and per exercise, then a summary. --jobs runs N notebooks at once
(default: the number of CPUs); reports still print in the order given. Exits 1 when a cell errors or
times out, a check fails, or an exercise cell is missing or duplicated.`;

/** A number option in seconds, > 0. */
export function seconds(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!(value > 0)) throw new UsageError(`--${name} ${text}: expected a positive number of seconds`);
  return value;
}

/** A count option (--jobs): a whole number ≥ 1. */
export function count(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`--${name} ${text}: expected a whole number, 1 or more`);
  return value;
}

/** `pmxlab check`: the DESIGN.md contract. */
export async function checkCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { json: { type: "string" }, jobs: { type: "string" }, "cell-timeout": { type: "string" }, timeout: { type: "string" } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length === 0) throw new UsageError("give at least one notebook");
  const cellTimeout = seconds("cell-timeout", values["cell-timeout"], 60);
  const notebookTimeout = seconds("timeout", values.timeout, 600);
  const jobs = count("jobs", values.jobs, availableParallelism());
  // Reports print in the order given: each waits for the ones before it.
  const finished = new Map<number, NotebookReport>();
  let printed = 0;
  const reports = await inParallel(
    positionals.map((path, index) => ({ path, index })),
    jobs,
    ({ path }) => checkNotebook(path, { cellTimeout, notebookTimeout }),
    (report, { index }) => {
      finished.set(index, report);
      while (finished.has(printed)) process.stdout.write(formatReport(finished.get(printed++)!));
    },
  );
  const exercises = reports.flatMap((r) => r.exercises);
  const erroring = reports.flatMap((r) => r.cells).filter((c) => c.status !== "ok").length;
  const passed = exercises.filter((e) => e.result.passed && e.problems.length === 0).length;
  process.stdout.write(`\n${reports.length} notebook(s): ${erroring} cell(s) failed; ${passed} of ${exercises.length} exercise(s) passed\n`);
  if (values.json) writeFileSync(values.json, JSON.stringify({ notebooks: reports }, null, 2) + "\n");
  return reports.every(notebookPassed) ? 0 : 1;
}

/** The report of one notebook as text: a line per code cell, the check items under each exercise. */
export function formatReport(report: NotebookReport): string {
  const lines = [`${report.notebook}`];
  const byCell = new Map(report.exercises.filter((e) => e.cell !== undefined).map((e) => [e.cell!, e]));
  for (const cell of report.cells) {
    const tag = cell.exercise ? ` [exercise ${cell.exercise}]` : "";
    lines.push(`  cell ${cell.cell}${tag}: ${cell.status} (${cell.seconds.toFixed(1)} s)${cell.message ? " — " + cell.message : ""}`);
    const exercise = byCell.get(cell.cell);
    if (exercise) lines.push(...exerciseLines(exercise));
  }
  for (const e of report.exercises.filter((x) => x.cell === undefined)) lines.push(`  exercise ${e.id}: missing`, ...exerciseLines(e));
  if (report.stopped) lines.push(`  stopped: ${report.stopped}`);
  return lines.join("\n") + "\n";
}

function exerciseLines(e: NotebookReport["exercises"][number]): string[] {
  const head = `    ${e.result.passed && e.problems.length === 0 ? "✓" : "✗"} check ${e.check}: ${e.result.items.filter((i) => i.passed).length}/${e.result.items.length} item(s)`;
  return [head, ...e.problems.map((p) => `      ! ${p}`), ...e.result.items.map((i) => `      ${i.passed ? "✓" : "✗"} ${i.name}: ${i.message}`)];
}
