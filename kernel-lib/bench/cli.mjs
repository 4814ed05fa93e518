// `pmxlab` command-line bench (issue 10, "The command line at engine speed"), against
// same-run baselines:
// - start-up: `pmxlab --help` wall time (target < 150 ms) beside `node -e 0` (Node alone);
// - end to end: `pmxlab simulate` on 1,000 subjects x 338 rows (pk2cmt_oral with KA 1, CL 5,
//   V1 50, Q 2, V2 100; one dose row of ~100 mg q12h x 28 as ADDL 27 plus 337 hourly
//   observations 0-336 h) writing CSV, against the engine alone (`simulate` in this process
//   on the parsed dataset): target ratio <= 2. CPU time is printed too: the command's (both
//   threads: it formats the CSV on a second thread while simulating) and its main thread's
//   alone (Linux), beside the engine's;
// - the floor of that command, stage by stage: Node's start (`node -e 0`), loading the
//   command's bundle, and, warm in this process, reading the file into subjects
//   (DatasetReader), the engine, and formatting the CSV bytes (csvRowBytes) — the main thread
//   needs at least start + load + read + engine; the formatting runs beside it on a 2nd thread;
//   and the bound of any split of this work over two cores (start, then half of the rest);
// - memory: 1,000,000 rows read and written; peak RSS of the command beside the same command
//   on a one-subject file (Node, the library and mathjs) and the file's size: the rows must
//   cost less than holding the file twice. Half and three times the rows show whether memory
//   grows with the file. The in-memory path (readFileSync, readDataset, simulate, toCSV) is
//   measured too, as the design it replaced.
// Usage: node kernel-lib/bench/cli.mjs   (after `npm run build`)
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { csvRowBytes, DatasetReader, getModel, readDataset, simulate } from "../dist/esm/index.js";

const bin = fileURLToPath(new URL("../bin/pmxlab.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "pmxlab-cli-bench-"));
const PARAMS = ["--param", "KA=1", "--param", "CL=5", "--param", "V1=50", "--param", "Q=2", "--param", "V2=100"];

/** A dataset of `subjects` x (1 dose row + `observations` hourly rows); doses differ slightly by ID. */
function dataset(name, subjects, observations) {
  const lines = ["ID,TIME,EVID,AMT,CMT,II,ADDL,DV"];
  for (let id = 1; id <= subjects; id++) {
    lines.push(`${id},0,1,${100 + id / 1000},1,12,27,.`);
    for (let t = 0; t < observations; t++) lines.push(`${id},${t},0,0,0,0,0,.`);
  }
  const file = join(dir, name);
  writeFileSync(file, lines.join("\n") + "\n");
  return file;
}

/** Wall time of a command (ms, best of `rounds`), failing loudly on a non-zero exit. */
function wall(args, rounds, nodeArgs = []) {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [...nodeArgs, ...args], { encoding: "utf8", maxBuffer: 1 << 30 });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (run.status !== 0) throw new Error(`${args.join(" ")}: exit ${run.status}\n${run.stderr}`);
    best = Math.min(best, ms);
  }
  return best;
}

const reporter = join(dir, "report-rss.cjs");
// Peak memory is the process's own high-water mark (VmHWM, /proc): getrusage's maxRSS, which
// process.resourceUsage() reads, keeps the larger of the child's and the parent's at exec on
// Linux, so a child of this bench (which holds ~100 MiB) read as 98 MiB whatever it used (a
// one-subject run's real peak is ~53 MiB); earlier figures of this bench were off by that.
// The main thread's CPU time from /proc (user + system clock ticks of 10 ms; -1 where there is no /proc).
writeFileSync(
  reporter,
  `process.on('exit', () => {
    const fs = require('node:fs');
    const u = process.resourceUsage();
    const hwm = /VmHWM:\\s+(\\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    let main = -1;
    try { const f = fs.readFileSync('/proc/self/task/' + process.pid + '/stat', 'utf8'); const stat = f.slice(f.lastIndexOf(')') + 2).split(' '); main = (Number(stat[11]) + Number(stat[12])) * 10000; } catch {}
    fs.writeSync(2, '\\nmaxRSS ' + (hwm ? hwm[1] : -1) + ' cpu ' + (u.userCPUTime + u.systemCPUTime) + ' main ' + main + '\\n');
  });\n`,
);

/** Peak resident memory (MiB) and CPU time (ms, user + system) of `node <args>`, read by the child itself at exit. */
function usage(args) {
  const run = spawnSync(process.execPath, ["-r", reporter, ...args], { encoding: "utf8", maxBuffer: 1 << 30 });
  const match = /maxRSS (\d+) cpu (\d+) main (-?\d+)/.exec(run.stderr);
  if (run.status !== 0 || !match) throw new Error(`${args.join(" ")}: exit ${run.status}\n${run.stderr}`);
  return { rss: Number(match[1]) / 1024, cpu: Number(match[2]) / 1000, main: Number(match[3]) / 1000 };
}

/** Least CPU time (ms), all threads and the main thread's, of `rounds` runs: on a shared machine, CPU time varies less than wall time. */
function cpu(args, rounds) {
  const runs = Array.from({ length: rounds }, () => usage(args));
  return { all: Math.min(...runs.map((r) => r.cpu)), main: Math.min(...runs.map((r) => r.main)) };
}
const peakRss = (args) => usage(args).rss;

// Start-up.
const node = wall(["-e", "0"], 7);
const help = wall([bin, "--help"], 7);

// End to end against the engine.
const workload = dataset("workload.csv", 1000, 337);
const text = readFileSync(workload, "utf8");
const model = getModel("pk2cmt_oral");
const data = readDataset(text);
const params = { KA: 1, CL: 5, V1: 50, Q: 2, V2: 100 };
simulate(model, { data: { covariates: [], subjects: data.subjects.slice(0, 50) }, params }); // warm-up (JIT)
let engine = Infinity;
let engineCpu = Infinity;
let rows = 0;
for (let r = 0; r < 3; r++) {
  const start = process.hrtime.bigint();
  const startCpu = process.cpuUsage();
  const sim = simulate(model, { data, params });
  const used = process.cpuUsage(startCpu);
  engine = Math.min(engine, Number(process.hrtime.bigint() - start) / 1e6);
  engineCpu = Math.min(engineCpu, (used.user + used.system) / 1000);
  rows = sim.length;
}
// Stages, warm in this process (best of 3): the file's bytes into subjects, and the command's CSV bytes.
const fileBytes = readFileSync(workload);
const best = (f) => {
  let ms = Infinity;
  for (let r = 0; r < 3; r++) {
    const start = process.hrtime.bigint();
    f();
    ms = Math.min(ms, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return ms;
};
const parseMs = best(() => {
  const reader = new DatasetReader();
  for (let at = 0; at < fileBytes.length; at += 65536) reader.push(fileBytes.subarray(at, at + 65536));
  reader.end();
});
const cpOnly = simulate(model, { data, params }, { record: ["CP"] });
const formatMs = best(() => {
  for (let at = 0; at < cpOnly.length; at += 8192) {
    const end = Math.min(cpOnly.length, at + 8192);
    csvRowBytes([cpOnly.id, cpOnly.time, cpOnly.outputs.CP], at, end);
  }
});
// Loading the command's bundle (with the launcher's lazy mathjs), beside Node alone.
const lazyHook = join(dir, "lazy-mathjs-hook.cjs");
writeFileSync(
  lazyHook,
  `const M = require("node:module"); const lazy = ${JSON.stringify(fileURLToPath(new URL("../bin/lazy-mathjs.js", import.meta.url)))}; const r = M._resolveFilename;
  M._resolveFilename = function (q, ...rest) { return q === "mathjs" ? lazy : r.call(this, q, ...rest); };\n`,
);
const loadBundle = wall(["-r", lazyHook, "-e", `require(${JSON.stringify(fileURLToPath(new URL("../dist/cli/simulate-bundle.js", import.meta.url)))})`], 7);
const nodeHook = wall(["-r", lazyHook, "-e", "0"], 7);
const out = join(dir, "out.csv");
const simulateArgs = [bin, "simulate", "--model", "pk2cmt_oral", "--data", workload, "--out", out, ...PARAMS];
const endToEnd = wall(simulateArgs, 3);
const endToEndCpu = cpu(simulateArgs, 3);
const written = readFileSync(out, "utf8").split("\n").length - 2;
if (written !== rows) throw new Error(`the command wrote ${written} rows, the engine ${rows}`);

// A million rows: streamed command against the in-memory design it replaced; half a million
// beside it shows whether memory grows with the rows.
const million = dataset("million.csv", 2950, 338); // 2,950 x 339 = 1,000,050 rows
const half = dataset("half.csv", 1475, 338);
const triple = dataset("triple.csv", 8850, 338); // 3,000,150 rows
const small = dataset("small.csv", 1, 338);
const bytes = statSync(million).size / 2 ** 20;
const command = (file) => [bin, "simulate", "--model", "pk2cmt_oral", "--data", file, "--out", join(dir, "million-out.csv"), ...PARAMS];
const baseRss = peakRss(command(small));
const halfRss = peakRss(command(half));
const tripleRss = peakRss(command(triple));
const tripleBytes = statSync(triple).size / 2 ** 20;
const streamUse = usage(command(million));
const streamRss = streamUse.rss;
const outBytes = statSync(join(dir, "million-out.csv")).size / 2 ** 20;
const inMemory = `
  const { readFileSync, writeFileSync } = require("node:fs");
  const k = require(${JSON.stringify(fileURLToPath(new URL("../dist/cjs/index.js", import.meta.url)))});
  const sim = k.simulate("pk2cmt_oral", { data: k.readDataset(readFileSync(${JSON.stringify(million)}, "utf8")), params: ${JSON.stringify(params)} });
  writeFileSync(${JSON.stringify(join(dir, "million-mem.csv"))}, sim.toCSV());`;
const inMemoryUse = usage(["-e", inMemory]);
const inMemoryRss = inMemoryUse.rss;
rmSync(dir, { recursive: true, force: true });

const ratio = endToEnd / engine;
const extra = streamRss - baseRss;
console.log(`pmxlab CLI bench — node ${process.version}`);
console.log(`  start-up: pmxlab --help ${help.toFixed(0)} ms (target < 150 ms; node -e 0 alone: ${node.toFixed(0)} ms, so pmxlab adds ${(help - node).toFixed(0)} ms)`);
console.log(`  simulate 1,000 subjects x 338 rows (${rows.toLocaleString("en-US")} output rows), pk2cmt_oral, CSV to a file:`);
console.log(`    end to end ${endToEnd.toFixed(0)} ms; engine alone (in process, parsed data) ${engine.toFixed(0)} ms; ratio ${ratio.toFixed(2)}x (target <= 2)`);
const mainCpu = endToEndCpu.main < 0 ? "" : `, its main thread ${endToEndCpu.main.toFixed(0)} ms (ratio ${(endToEndCpu.main / engineCpu).toFixed(2)}x)`;
console.log(`    CPU time: end to end ${endToEndCpu.all.toFixed(0)} ms (both threads; ratio ${(endToEndCpu.all / engineCpu).toFixed(2)}x)${mainCpu}, engine ${engineCpu.toFixed(0)} ms`);
const floor = node + (loadBundle - nodeHook) + parseMs + engine;
console.log(`    stages (wall): Node start ${node.toFixed(0)} ms, loading the command ${(loadBundle - nodeHook).toFixed(0)} ms; warm in one thread: reading the file into subjects ${parseMs.toFixed(0)} ms, engine ${engine.toFixed(0)} ms, CSV bytes ${formatMs.toFixed(0)} ms`);
console.log(`    floor of the main thread (start + load + read + engine, formatting beside it): ${floor.toFixed(0)} ms = ${(floor / engine).toFixed(2)}x the engine; CSV bytes alone ${(formatMs / engine).toFixed(2)}x`);
// What any split of this work over the machine's two cores could reach: Node's start runs
// alone, everything after it at best half on each core (no hand-over costs counted).
const twoCores = node + (loadBundle - nodeHook + parseMs + engine + formatMs) / 2;
console.log(`    bound on two cores (start + half of load, read, engine and CSV bytes, perfectly split): ${twoCores.toFixed(0)} ms = ${(twoCores / engine).toFixed(2)}x the engine`);
console.log(`  1,000,050 rows in (${bytes.toFixed(1)} MiB), ${outBytes.toFixed(1)} MiB out, peak RSS:`);
console.log(`    streamed command ${streamRss.toFixed(0)} MiB = ${baseRss.toFixed(0)} MiB for a one-subject file + ${extra.toFixed(0)} MiB for the rows (${(extra / bytes).toFixed(2)}x the file; target < 2x)`);
console.log(`    half the rows: ${halfRss.toFixed(0)} MiB, so the second half million rows added ${(streamRss - halfRss).toFixed(0)} MiB (${(bytes / 2).toFixed(1)} MiB of file)`);
console.log(`    three million rows (${tripleBytes.toFixed(1)} MiB): ${tripleRss.toFixed(0)} MiB, so two million more rows added ${(tripleRss - streamRss).toFixed(0)} MiB (${(tripleBytes - bytes).toFixed(1)} MiB of file, ${((tripleRss - streamRss) / (tripleBytes - bytes)).toFixed(2)}x)`);
console.log(`    in-memory design (readFileSync, readDataset, simulate, toCSV): ${inMemoryRss.toFixed(0)} MiB (${((inMemoryRss - baseRss) / bytes).toFixed(2)}x the file over the same base)`);
console.log(`    CPU time: streamed command ${streamUse.cpu.toFixed(0)} ms, in-memory design ${inMemoryUse.cpu.toFixed(0)} ms`);
const ok = help < 150 && ratio <= 2 && extra < 2 * bytes;
console.log(ok ? "  targets met" : "  TARGET MISSED");
