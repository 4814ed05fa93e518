import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runPmxlab } from "./run-bin.js";

// Jupyter writes each cell's source as a list of lines (nbformat's multiline strings); a
// notebook saved by JupyterLab — every student's submission — must check like one whose
// sources are single strings. Inside the repository (git-ignored test-results/), where tslab
// finds node_modules.
const work = resolve(__dirname, "../../../test-results/check-saved-notebook");

describe("pmxlab check on a notebook saved by Jupyter", () => {
  it("runs cells whose source is a list of lines", async () => {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    const notebook = {
      cells: [
        { cell_type: "markdown", id: "m1", metadata: {}, source: ["# Saved by Jupyter\n", "two lines"] },
        { cell_type: "code", id: "c1", metadata: {}, execution_count: null, outputs: [], source: ["const half = Math.LN2 / 0.1;\n", "if (Math.abs(half - 6.931) > 1e-3) throw new Error(`t½ ${half}`);\n", "console.log(half.toFixed(3));"] },
      ],
      metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
      nbformat: 4,
      nbformat_minor: 5,
    };
    const path = join(work, "saved.ipynb");
    writeFileSync(path, JSON.stringify(notebook));
    const r = await runPmxlab(["check", path], 300_000);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/cell 2: ok/); // cells are numbered from 1
    expect(r.stdout).toMatch(/0 cell\(s\) failed/);
    expect(r.code).toBe(0);
  }, 300_000);
});
