// Exercise bench (issue 12): the *Check* round trip in a warm tslab kernel and grading throughput.
// 1. Check round trip: the released pk-basics lesson 01-elimination with its answers filled in,
//    then the half-life check cell repeated 40 times in the same (warm) kernel; time per check
//    request from send to reply (nbclient's per-cell time), p50/p95 — target p95 < 1 s — against
//    a same-run baseline, an empty cell (`1;`) sent the same way.
// 2. Grading throughput: `pmxlab grade` on 6 copies of the solved lesson, on 1 and on 2 jobs;
//    notebooks per minute and the speed-up of the second core.
// Usage: node kernel-lib/bench/exercise.mjs   (after `npm run build` and `bash scripts/setup.sh`)
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const { checkCellCode } = require("../dist/cjs/exercise/index.js");
const { runNotebook } = require("../dist/cli/exercise/notebook-runner.js");

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "../..");
const bin = join(repo, "kernel-lib/bin/pmxlab.js");
const work = join(repo, "test-results", "bench-exercise");
const REPEATS = 40;

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
execFileSync(process.execPath, [bin, "release", join(repo, "courses/pk-basics"), "--out", join(work, "lesson")]);
const answers = {
  "pk-basics/half-life": "const ke = CL / V;\nconst halfLife = Math.LN2 / ke;",
  "pk-basics/auc": "const aucOf = (dose: number) => dose / CL;",
  "pk-basics/log-plot": 'const fig = simulate("pk1cmt_iv", { regimen: "500 mg", times: { end: 48, step: 0.5 }, params: { CL: CL, V: V } }).plot({ log: true });',
};
const notebook = JSON.parse(readFileSync(join(work, "lesson", "01-elimination.ipynb"), "utf8"));
for (const cell of notebook.cells) {
  const id = cell.metadata.pmxlab?.exercise?.id;
  if (id) cell.source = answers[id];
}
writeFileSync(join(work, "lesson", "01-elimination.ipynb"), JSON.stringify(notebook));

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}
const code = (source) => ({ cell_type: "code", metadata: {}, source, outputs: [], execution_count: null });
const check = checkCellCode({ id: "pk-basics/half-life", check: "halfLife" }, { checksModule: "./checks" });
const cells = [...notebook.cells, code(check)]; // the first check compiles checks.ts (cold)
for (let i = 0; i < REPEATS; i++) cells.push(code(check), code("1;"));
const run = await runNotebook({ ...notebook, cells }, join(work, "lesson"), { cellTimeout: 120, notebookTimeout: 900 });
if (run.stopped || run.cells.some((c) => c.status !== "ok")) throw new Error(`bench notebook failed: ${run.stopped ?? JSON.stringify(run.cells.find((c) => c.status !== "ok"))}`);
const timed = run.cells.slice(notebook.cells.length + 1);
const checks = timed.filter((_, i) => i % 2 === 0).map((c) => c.seconds * 1000).sort((a, b) => a - b);
const empty = timed.filter((_, i) => i % 2 === 1).map((c) => c.seconds * 1000).sort((a, b) => a - b);
const cold = run.cells[notebook.cells.length].seconds * 1000;
console.log(`Check round trip, warm tslab kernel (${REPEATS} checks of pk-basics/half-life): p50 ${quantile(checks, 0.5).toFixed(0)} ms, p95 ${quantile(checks, 0.95).toFixed(0)} ms (target p95 < 1000 ms); first (cold, compiles checks.ts) ${cold.toFixed(0)} ms`);
console.log(`  baseline, an empty cell the same way: p50 ${quantile(empty, 0.5).toFixed(0)} ms, p95 ${quantile(empty, 0.95).toFixed(0)} ms; check / empty p50 ratio ${(quantile(checks, 0.5) / quantile(empty, 0.5)).toFixed(1)}×`);

// Grading throughput.
const CLASS = 6;
for (let i = 1; i <= CLASS; i++) {
  mkdirSync(join(work, "class", `student-${i}`), { recursive: true });
  cpSync(join(work, "lesson", "01-elimination.ipynb"), join(work, "class", `student-${i}`, "01-elimination.ipynb"));
}
const rates = {};
for (const jobs of [1, 2]) {
  const started = Date.now();
  execFileSync(process.execPath, [bin, "grade", join(work, "class"), "--course", join(repo, "courses/pk-basics"), "--out", join(work, `grades-${jobs}.csv`), "--jobs", String(jobs)], { stdio: "ignore" });
  rates[jobs] = CLASS / ((Date.now() - started) / 60_000);
}
console.log(`Grading throughput (${CLASS} notebooks of 01-elimination, whole command): ${rates[1].toFixed(1)} notebooks/min on 1 job, ${rates[2].toFixed(1)} on 2 jobs (speed-up ${(rates[2] / rates[1]).toFixed(2)}× over the same-run 1-job baseline)`);
rmSync(work, { recursive: true, force: true });
