// The load test's smallest run in CI (`npm run hub:load` is the full one, see docs/hub.md):
// two students sign up, start their servers, open a tslab session and run the simulation
// cell twice each against the real hub; every result is the closed-form concentration, the
// figures are measured, and the students are gone afterwards. Runs as root.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { expectedConcentration, runLoadTest } from "./load.mjs";

test("the closed-form reference of the load cell is the Bateman superposition at steady state", () => {
  // 14 doses q12h reach steady state (k = 0.1 /h: e^(-0.1·168) ≈ 5e-8); at steady state
  // C(τ) = D·KA / (V·(KA − k)) · (e^(−kτ) / (1 − e^(−kT)) − e^(−KAτ) / (1 − e^(−KA·T))), τ = 12 h after the last dose.
  const [D, KA, k, V, T, tau] = [100, 1, 0.1, 50, 12, 12];
  const steady = ((D * KA) / (V * (KA - k))) * (Math.exp(-k * tau) / (1 - Math.exp(-k * T)) - Math.exp(-KA * tau) / (1 - Math.exp(-KA * T)));
  assert.ok(Math.abs(expectedConcentration() - steady) < 1e-6 * steady, `${expectedConcentration()} vs ${steady} mg/L`);
});

test("two students run the simulation cell on the real hub; results are right and the students removed", { timeout: 600_000 }, async () => {
  const lines = [];
  const report = await runLoadTest({ steps: [2], rounds: 2, timeLimit: 480, log: (line) => lines.push(line) && console.log(line) });
  assert.equal(report.error, undefined, report.error);
  const [step] = report.steps;
  assert.equal(step.students, 2);
  assert.equal(step.cells, 4, "2 students × 2 cells, each checked against the closed form inside the run");
  assert.ok(step.cellSeconds.p50 > 0 && step.cellSeconds.p95 >= step.cellSeconds.p50, JSON.stringify(step.cellSeconds));
  // A Jupyter server and a tslab kernel (a TypeScript compiler in Node) take well over 50 MiB.
  assert.ok(step.memoryPerStudentMiB.pssMedian > 50, `memory per student: ${JSON.stringify(step.memoryPerStudentMiB)}`);
  assert.ok("proxy" in step.cpuPercent && "idle-culler" in step.cpuPercent, `hub processes found: ${Object.keys(step.cpuPercent)}`);
  const names = lines.join("\n");
  assert.match(names, /largest N/);
  assert.equal(report.students.length, 2);
  for (const name of report.students) assert.notEqual(spawnSync("id", [name]).status, 0, `${name} is removed from the system`);
});
