import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runPmxlab } from "./run-bin.js";

// JupyterLab saves a notebook's cell sources as lists of lines (nbformat's split_lines), as a
// student's saved copy has them; `pmxlab check` must run such a notebook as it runs one with
// text sources. Before, nbclient stopped at the first cell ("'list' object has no attribute 'strip'").
const repo = resolve(__dirname, "../../..");
const work = join(repo, "test-results", "check-command");

describe("pmxlab check", () => {
  it("runs a notebook saved with sources as lists of lines", async () => {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    cpSync(join(repo, "courses", "pk-basics", "checks.ts"), join(work, "checks.ts"));
    const notebook = JSON.parse(readFileSync(join(repo, "courses", "pk-basics", "01-elimination.ipynb"), "utf8"));
    for (const cell of notebook.cells) cell.source = String(cell.source).split(/(?<=\n)/);
    expect(notebook.cells[1].source.length).toBeGreaterThan(1);
    const path = join(work, "01-elimination.ipynb");
    writeFileSync(path, JSON.stringify(notebook));
    const r = await runPmxlab(["check", path], 300_000);
    expect(r.stdout).toMatch(/0 cell\(s\) failed; 3 of 3 exercise\(s\) passed/);
    expect(r.code).toBe(0);
  }, 300_000);
});
