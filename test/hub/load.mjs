// Load test of the class hub (`npm run hub:load`, as root; loopback only): N simulated
// students sign up (approved by an instructor account), log in, start their servers, open a
// notebook session with the tslab kernel over the Jupyter REST and websocket protocol, and
// all run a simulation cell at once, `rounds` times each (a class told "run the cell now").
// N steps up (2, 4, 8, 12, …) until the 95th percentile of the cell latency reaches
// --p95 seconds, the memory or the time bound would be passed, or the steps run out.
// Reported per step: spawn time, first-cell (cold kernel) latency, cell latency
// percentiles, memory per student (RSS and PSS of their server and kernel, every process of
// their system user), CPU of the hub, the proxy, the hub services and the students'
// processes. Every cell's result is checked against the closed-form concentration.
// Bounded: a global time limit (then clean-up and exit), and whatever happens the hub is
// stopped and every student's processes, system user and home are removed.
//
//   sudo npm run hub:load -- --steps 2,4,8 --rounds 5 --time-limit 1800
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { execFileSync } from "node:child_process";
import { ROOT, startHub } from "./harness.mjs";
import { openNotebookSession } from "./kernel-client.mjs";
import { availableMiB, childrenOf, cpuSeconds, memoryMiB, processesOf } from "./proc-stats.mjs";

/** The cell every student runs: a one-compartment oral regimen, the concentration at 168 h. */
const DOSE = 100; // mg, every 12 h, 14 doses from 0 h
const TAU = 12; // h
const DOSES = 14;
const PARAMS = { KA: 1, CL: 5, V: 50 }; // 1/h, L/h, L
const AT = 168; // h
const IMPORT_CELL = `import { simulate } from "@pmxlab/kernel";`;
const SIMULATION_CELL = `Number(simulate("pk1cmt_oral", { regimen: "${DOSE} mg q${TAU}h x ${DOSES}", times: { end: ${AT}, step: 0.5 }, params: { KA: ${PARAMS.KA}, CL: ${PARAMS.CL}, V: ${PARAMS.V} } }).at(${AT}).outputs.CP[0])`;

/**
 * The expected CP(168 h) in mg/L, by superposition of the Bateman function (first-order
 * absorption into one compartment): C(t) = Σ D·KA / (V·(KA − k)) · (e^(−k(t−tᵢ)) − e^(−KA(t−tᵢ))), k = CL/V.
 */
export function expectedConcentration() {
  const k = PARAMS.CL / PARAMS.V;
  let c = 0;
  for (let i = 0; i < DOSES; i++) {
    const dt = AT - i * TAU;
    c += ((DOSE * PARAMS.KA) / (PARAMS.V * (PARAMS.KA - k))) * (Math.exp(-k * dt) - Math.exp(-PARAMS.KA * dt));
  }
  return c;
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const median = (values) => percentile(values, 50);
const round = (x, digits = 2) => Number(x.toFixed(digits));

/** The hub's own processes besides the students' servers: the proxy and each service. */
function hubProcesses(hubPid) {
  const named = { hub: hubPid };
  for (const { pid, command } of childrenOf(hubPid)) {
    if (command.includes("jupyterhub-singleuser")) continue;
    if (command.includes("configurable-http-proxy")) named.proxy = pid;
    else if (command.includes("jupyterhub_idle_culler")) named["idle-culler"] = pid;
    else if (command.includes("server/dist/main.js")) named["pmxlab-service"] = pid;
    else named[`service ${pid}`] = pid;
  }
  return named;
}

/**
 * Runs the load test; answers `{ steps: [...], largestN, stoppedBy, machine, error }` (a
 * failure ends the run after clean-up and is reported, with the steps done). Options:
 * `steps` (numbers of students), `rounds` (cells per student per step), `p95` (seconds),
 * `timeLimit` (seconds for everything), `reserveMiB` (memory left free), `log` (progress).
 */
export async function runLoadTest({ steps = [2, 4, 8, 12, 16, 20, 24, 32], rounds = 5, p95 = 5, timeLimit = 1800, reserveMiB = 3072, log = console.log } = {}) {
  assert.equal(process.getuid(), 0, "the load test creates system users for its students, so it runs as root: sudo npm run hub:load");
  const started = Date.now();
  const deadline = started + timeLimit * 1000;
  const run = randomBytes(3).toString("hex");
  const password = `Pmx-${randomBytes(9).toString("hex")}`;
  const instructorName = `pmxi${run}`;
  const students = []; // { name, session, token, kernel, uid }
  const expected = expectedConcentration();
  const machine = { cores: Number(execFileSync("nproc", { encoding: "utf8" })), loadAverageAtStart: loadavg().map((x) => round(x)), availableMiBAtStart: Math.round(availableMiB()) };
  log(`# load test: steps ${steps.join(", ")}, ${rounds} cells per student per step, p95 bound ${p95} s, time limit ${timeLimit} s; load average ${machine.loadAverageAtStart.join(" ")}`);

  const hub = await startHub({ instructors: [instructorName], password, logName: "hub-load.log", env: { PMXLAB_HUB_CULL_TIMEOUT: "3600" } });
  // The global bound: past the limit (plus time to clean up) the process ends whatever it awaits.
  let cleaning = null;
  const cleanUp = () => {
    cleaning ??= (async () => {
      // A kernel that does not answer within 10 s goes with its user's processes.
      await Promise.all(students.map((student) => Promise.race([student.kernel?.close(), new Promise((resolve) => setTimeout(resolve, 10_000))])));
      await hub.stop([...students.map((student) => student.name), instructorName]);
    })();
    return cleaning;
  };
  const onSignal = (signal) => cleanUp().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  const hardStop = setTimeout(() => {
    log(`# time limit of ${timeLimit} s reached: cleaning up`);
    cleanUp().finally(() => process.exit(2));
  }, timeLimit * 1000 + 60_000);
  hardStop.unref();

  const results = [];
  let stoppedBy = "steps done";
  let error;
  try {
    const instructor = hub.session();
    await instructor.signUp(instructorName);
    assert.equal((await instructor.logIn(instructorName)).status, 302, "instructor login");

    for (const n of steps) {
      const stepStarted = Date.now();
      // New students: sign-up, approval (creates the system user), login, API token.
      const fresh = [];
      while (students.length < n) {
        const name = `pmxl${run}s${students.length + 1}`;
        const session = hub.session();
        await session.signUp(name);
        assert.equal((await instructor.request(`/hub/authorize/${name}`)).status, 302, `approve ${name}`);
        assert.equal((await session.logIn(name)).status, 302, `${name} logs in`);
        const student = { name, session, token: await session.token(name), uid: Number(execFileSync("id", ["-u", name], { encoding: "utf8" })) };
        students.push(student);
        fresh.push(student);
      }
      // They start their servers and open a notebook together (the start of a class).
      const spawnSeconds = await Promise.all(fresh.map(async (student) => {
        const t0 = Date.now();
        await student.session.startServer(student.name, student.token, 300);
        return (Date.now() - t0) / 1000;
      }));
      const firstCellSeconds = await Promise.all(fresh.map(async (student) => {
        student.kernel = await openNotebookSession({ base: hub.base, user: student.name, token: student.token, path: "load.ipynb", kernel: "tslab" });
        const t0 = Date.now();
        const imported = await student.kernel.execute(IMPORT_CELL);
        assert.equal(imported.status, "ok", `${student.name}'s import: ${imported.error}`);
        return (Date.now() - t0) / 1000;
      }));

      // Everyone runs the simulation cell at once, `rounds` times.
      const processes = hubProcesses(hub.pid);
      const cpuBefore = Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, cpuSeconds(pid)]));
      const studentCpu = () => students.reduce((sum, student) => sum + processesOf(student.uid).reduce((s, pid) => s + cpuSeconds(pid), 0), 0);
      const studentCpuBefore = studentCpu();
      const loadBefore = loadavg()[0];
      const t0 = Date.now();
      const latencies = (await Promise.all(students.map(async (student) => {
        const own = [];
        for (let r = 0; r < rounds; r++) {
          const cell = await student.kernel.execute(SIMULATION_CELL);
          assert.equal(cell.status, "ok", `${student.name}'s simulation cell: ${cell.error}`);
          const value = Number(cell.text.replace(/\x1b\[[0-9;]*m/g, "").trim());
          assert.ok(Math.abs(value - expected) <= 1e-6 * expected, `${student.name}'s CP(${AT} h) = ${cell.text} mg/L, expected ${expected} mg/L (closed form)`);
          own.push(cell.ms / 1000);
        }
        return own;
      }))).flat();
      const wall = (Date.now() - t0) / 1000;
      const cpuPercent = Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, round((100 * (cpuSeconds(pid) - cpuBefore[name])) / wall, 1)]));
      const memory = students.map((student) => processesOf(student.uid).map(memoryMiB).reduce((sum, m) => ({ rss: sum.rss + m.rss, pss: sum.pss + m.pss }), { rss: 0, pss: 0 }));
      const step = {
        students: n,
        spawnSeconds: { median: round(median(spawnSeconds)), max: round(Math.max(...spawnSeconds)) },
        firstCellSeconds: { median: round(median(firstCellSeconds)), max: round(Math.max(...firstCellSeconds)) },
        cells: latencies.length,
        cellSeconds: { p50: round(median(latencies)), p95: round(percentile(latencies, 95)), max: round(Math.max(...latencies)) },
        cellsPerSecond: round(latencies.length / wall),
        memoryPerStudentMiB: { rssMedian: Math.round(median(memory.map((m) => m.rss))), pssMedian: Math.round(median(memory.map((m) => m.pss))), pssMax: Math.round(Math.max(...memory.map((m) => m.pss))) },
        cpuPercent: { ...cpuPercent, students: round((100 * (studentCpu() - studentCpuBefore)) / wall, 1) },
        studentCpuSecondsPerCell: round((studentCpu() - studentCpuBefore) / latencies.length, 3),
        loadAverageBefore: round(loadBefore),
        availableMiBAfter: Math.round(availableMiB()),
        stepSeconds: Math.round((Date.now() - stepStarted) / 1000),
      };
      results.push(step);
      log(`# N=${n}: cell p50 ${step.cellSeconds.p50} s, p95 ${step.cellSeconds.p95} s, max ${step.cellSeconds.max} s; spawn ${step.spawnSeconds.median} s (max ${step.spawnSeconds.max}); first cell ${step.firstCellSeconds.median} s; PSS/student ${step.memoryPerStudentMiB.pssMedian} MiB (RSS ${step.memoryPerStudentMiB.rssMedian}); CPU % ${JSON.stringify(step.cpuPercent)}; load ${step.loadAverageBefore}`);

      if (step.cellSeconds.p95 >= p95) {
        stoppedBy = `p95 ${step.cellSeconds.p95} s ≥ ${p95} s at N=${n}`;
        break;
      }
      const next = steps[steps.indexOf(n) + 1];
      if (next === undefined) break;
      const needMiB = (next - n) * step.memoryPerStudentMiB.pssMax * 1.5;
      if (availableMiB() - needMiB < reserveMiB) {
        stoppedBy = `memory: N=${next} would need about ${Math.round(needMiB)} MiB more and leave less than ${reserveMiB} MiB free`;
        break;
      }
      // The next step costs at least this one's time scaled by its size.
      if (Date.now() + step.stepSeconds * 1000 * (next / n) > deadline) {
        stoppedBy = `time: N=${next} would not finish within the ${timeLimit} s limit`;
        break;
      }
    }
  } catch (failure) {
    error = failure;
    stoppedBy = `error: ${failure.message}`;
  } finally {
    clearTimeout(hardStop);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await cleanUp();
  }
  const passing = results.filter((step) => step.cellSeconds.p95 < p95);
  const report = { machine, students: students.map((student) => student.name), rounds, p95Bound: p95, steps: results, largestN: passing.length ? passing[passing.length - 1].students : 0, stoppedBy, seconds: Math.round((Date.now() - started) / 1000), error: error?.stack };
  log(`# largest N with p95 < ${p95} s: ${report.largestN} (stopped by ${stoppedBy}); ${report.seconds} s in all`);
  return report;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      steps: { type: "string", default: "2,4,8,12,16,20,24,32" },
      rounds: { type: "string", default: "5" },
      p95: { type: "string", default: "5" },
      "time-limit": { type: "string", default: "1800" },
      out: { type: "string", default: join(ROOT, "test-results", "hub", "load.json") },
    },
  });
  const count = (name, text) => {
    const n = Number(text);
    if (!(n > 0 && Number.isFinite(n))) throw new Error(`--${name} must be a positive number, got "${text}"`);
    return n;
  };
  const report = await runLoadTest({
    steps: values.steps.split(",").map((s) => count("steps", s)),
    rounds: count("rounds", values.rounds),
    p95: count("p95", values.p95),
    timeLimit: count("time-limit", values["time-limit"]),
  });
  mkdirSync(join(values.out, ".."), { recursive: true });
  writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`# report: ${values.out}`);
  if (report.error) {
    console.error(report.error);
    process.exitCode = 1;
  }
}
