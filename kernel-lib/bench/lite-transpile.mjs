// Transpile time per cell of the browser TypeScript kernel (lite/kernel): transformCell (TypeScript's
// transpileModule plus the kernel's rewrite of the top level and its line map) on every code cell of
// the courses, against a same-run baseline of transpileModule alone on the same cells. Run after
// `npm run build` (needs lite/kernel/lib). Prints the cold first cell, then warm per-cell figures.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { transformCell } from "../../lite/kernel/lib/cell/transform-cell.js";

const courses = fileURLToPath(new URL("../../courses/", import.meta.url));
const notebooks = readdirSync(courses, { recursive: true }).filter((f) => String(f).endsWith(".ipynb"));
const cells = notebooks.flatMap((f) =>
  JSON.parse(readFileSync(join(courses, String(f)), "utf8"))
    .cells.filter((c) => c.cell_type === "code")
    .map((c) => (Array.isArray(c.source) ? c.source.join("") : c.source))
    .filter((s) => s.trim() !== ""),
);
const options = { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true, sourceMap: true }, reportDiagnostics: true };

function time(fn) {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

const cold = time(() => transformCell(cells[0]));
const runs = 5;
const baseline = [];
const kernel = [];
for (let r = 0; r < runs; r++) {
  for (const cell of cells) {
    baseline.push(time(() => ts.transpileModule(cell, options)));
    kernel.push(time(() => transformCell(cell)));
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const max = (xs) => Math.max(...xs);
console.log(`lite kernel transpile: ${cells.length} course cells from ${notebooks.length} notebooks, ${runs} runs each`);
console.log(`  first cell, cold (TypeScript not yet warmed up): ${cold.toFixed(1)} ms`);
console.log(`  transformCell per cell: median ${median(kernel).toFixed(2)} ms, mean ${mean(kernel).toFixed(2)} ms, max ${max(kernel).toFixed(1)} ms`);
console.log(`  baseline transpileModule alone: median ${median(baseline).toFixed(2)} ms, mean ${mean(baseline).toFixed(2)} ms`);
console.log(`  ratio kernel / baseline (mean): ${(mean(kernel) / mean(baseline)).toFixed(2)}`);
