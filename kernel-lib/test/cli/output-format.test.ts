import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readDataset } from "../../src/data/index.js";
import { parseModel } from "../../src/model/index.js";
import { simulate } from "../../src/simulation/index.js";
import { MICHAELIS_MENTEN } from "../model/fixtures.js";

const bin = resolve(__dirname, "../../bin/pmxlab.js");
const dir = mkdtempSync(join(tmpdir(), "pmxlab-format-"));
const pmxlab = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", timeout: 20_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

// One IV bolus of 600 mg, CL 6 L/h, V 25 L: C(t) = 24·exp(−0.24 t) mg/L, observed at awkward times.
const times = [0.1, 1 / 3, 2.5, 7, 100, 1000];
const data = join(dir, "events.csv");
writeFileSync(data, ["ID,TIME,AMT", "1,0,600", ...times.map((t) => `1,${t},0`)].join("\n") + "\n");
const exact = (t: number) => 24 * Math.exp(-0.24 * t);

/**
 * A dataset file of `subjects` x (one dose of up to `dose` mg at 0, then `observations` rows
 * at random steps of up to `step` h), from a seeded Park–Miller generator; numbers in 17 digits.
 */
function randomEvents(name: string, seed: number, subjects: number, observations: number, dose: number, step: number): string {
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const lines = ["ID,TIME,AMT"];
  for (let id = 1; id <= subjects; id++) {
    lines.push(`${id},0,${(dose * random()).toPrecision(17)}`);
    let t = 0;
    for (let k = 0; k < observations; k++) lines.push(`${id},${(t += step * random()).toPrecision(17)},0`);
  }
  const path = join(dir, name);
  writeFileSync(path, lines.join("\n") + "\n");
  return path;
}

/** A one-compartment model with first-order elimination (K in 1/h, V in L) and the given $OUTPUTS lines. */
const elimination = (name: string, k: number, v: number, outputs: string[]) => `$MODEL ${name}
$DESCRIPTION first-order elimination
$PARAMETERS
K = ${k} : 1/h : elimination rate constant
V = ${v} : L : volume
$COMPARTMENTS
central : mg : amount
$ODE
d/dt(central) = -K*central
$OUTPUTS
${outputs.join("\n")}
`;

describe("pmxlab simulate output formats", () => {
  it("writes CSV numbers that read back to the same doubles (shortest round-trip form)", () => {
    const r = pmxlab("simulate", "--model", "pk1cmt_iv", "--data", data, "--param", "CL=6", "--param", "V=25", "--format", "csv");
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split("\n").slice(1).map((l) => l.split(","));
    expect(rows.map((c) => Number(c[1]))).toEqual(times);
    rows.forEach((c, i) => {
      // The text is exactly what String() gives for the double it stands for: no digits lost or invented.
      expect(String(Number(c[2]))).toBe(c[2]);
      expect(Number(c[2])).toBeCloseTo(exact(times[i]), 10 - Math.max(0, Math.ceil(-Math.log10(exact(times[i])))));
    });
    expect(rows[5][2]).toMatch(/e-/); // 24·exp(−240) ≈ 8.7e-104 is kept, not rounded to 0
  });

  it("prints an aligned table with six significant digits under --format table", () => {
    const r = pmxlab("simulate", "--model", "pk1cmt_iv", "--data", data, "--param", "CL=6", "--param", "V=25", "--format", "table");
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(1 + times.length);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1); // every line as wide as the header
    expect(lines[0].trim().split(/\s+/)).toEqual(["ID", "TIME", "CP"]);
    const cells = lines.slice(1).map((l) => l.trim().split(/\s+/));
    expect(cells.map((c) => c[1])).toEqual(["0.1", "0.333333", "2.5", "7", "100", "1000"]);
    cells.forEach((c, i) => expect(Number(c[2])).toBe(Number(exact(times[i]).toPrecision(6))));
  });

  it("gives the very doubles the library gives in process for a compiled nonlinear model (Michaelis–Menten, ODE path)", () => {
    // The launcher loads mathjs's single-file build; the library here loads its package entry.
    const modelFile = join(dir, "mm.pmx");
    writeFileSync(modelFile, MICHAELIS_MENTEN);
    const r = pmxlab("simulate", "--model", modelFile, "--data", data, "--method", "ode", "--format", "csv");
    expect(r.stderr).toBe("");
    const sim = simulate(parseModel(MICHAELIS_MENTEN), { data: readDataset(readFileSync(data, "utf8")) }, { method: "ode" });
    expect(r.stdout).toBe(sim.toCSV());
  });

  it("writes every number of a run large enough for the formatting thread so that it reads back to the engine's very double (tiny, subnormal, huge, negative)", () => {
    // One-compartment elimination with outputs scaled into the corners of the double range.
    const model = elimination("corners", 0.3, 7, [
      "CP = central/V : mg/L : concentration",
      "SUB = central/V*1e-315 : mg/L : subnormal",
      "TINY = central/V*1e-300 : mg/L : tiny",
      "HUGE = central/V*1e300 : mg/L : huge",
      "NEG = -central/V*3.7 : mg/L : negative",
    ]);
    const modelFile = join(dir, "corners.pmx");
    writeFileSync(modelFile, model);
    // 30 subjects x 700 observations = 21,000 rows: the first piece of 8,192 rows is written
    // in the command's own thread, the later ones by the formatting thread.
    const events = randomEvents("corners.csv", 7, 30, 700, 100, 0.5);
    const out = join(dir, "corners-out.csv");
    const r = pmxlab("simulate", "--model", modelFile, "--data", events, "--out", out);
    expect(r.stderr).toBe("");
    const sim = simulate(parseModel(model), { data: readDataset(readFileSync(events, "utf8")) });
    const columns = [sim.id, sim.time, ...["CP", "SUB", "TINY", "HUGE", "NEG"].map((name) => sim.outputs[name])];
    const written = readFileSync(out, "utf8").trimEnd().split("\n");
    expect(written[0]).toBe("ID,TIME,CP,SUB,TINY,HUGE,NEG");
    expect(written).toHaveLength(1 + 21_000);
    let subnormal = 0;
    written.slice(1).forEach((line, row) => {
      line.split(",").forEach((cell, c) => {
        if (!Object.is(Number(cell), columns[c][row])) throw new Error(`row ${row + 1}, column ${c + 1}: ${cell} is not ${columns[c][row]}`);
      });
      if (Math.abs(columns[3][row]) < 2.2250738585072014e-308 && columns[3][row] !== 0) subnormal++;
    });
    expect(subnormal).toBeGreaterThan(1000); // the subnormal column is subnormal indeed
  });

  it("formats every piece on the thread, started at once, for a data file of 1 MiB or more: the CSV the library writes in process, byte for byte", () => {
    const events = randomEvents("large.csv", 11, 60, 1000, 600, 0.1);
    expect(statSync(events).size).toBeGreaterThan(2 ** 20);
    const out = join(dir, "large-out.csv");
    const r = pmxlab("simulate", "--model", "pk1cmt_iv", "--data", events, "--out", out);
    expect(r.stderr).toBe("");
    const sim = simulate("pk1cmt_iv", { data: readDataset(readFileSync(events, "utf8")) }, { record: ["CP"] });
    expect(sim.length).toBe(60_000);
    expect(readFileSync(out, "utf8")).toBe(sim.toCSV());
  });

  it("refuses an infinite output past the first piece of 8,192 rows, naming its row over the whole output, and writes no file", () => {
    // 100 mg eliminated at 1/h underflows to exactly 0 after about 750 h, so V/central is Infinity.
    const model = elimination("inverse", 1, 1, ["CP = central/V : mg/L : concentration", "INV = V/central : L/mg : inverse concentration"]);
    const modelFile = join(dir, "inverse.pmx");
    writeFileSync(modelFile, model);
    const events = join(dir, "inverse.csv");
    writeFileSync(events, ["ID,TIME,AMT", "1,0,100", ...Array.from({ length: 20_000 }, (_, i) => `1,${(i + 1) * 0.05},0`)].join("\n") + "\n");
    const sim = simulate(parseModel(model), { data: readDataset(readFileSync(events, "utf8")) });
    const first = sim.outputs.INV.findIndex((v) => v === Infinity);
    expect(first).toBeGreaterThan(8192);
    const out = join(dir, "inverse-out.csv");
    const r = pmxlab("simulate", "--model", modelFile, "--data", events, "--out", out);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`pmxlab simulate: output row ${first + 1}, column INV is Infinity (ID 1, TIME ${sim.time[first]}); CSV cells must be finite numbers or NaN\n`);
    expect(() => readFileSync(out)).toThrow(/ENOENT/);
  });

  it("stops a large run into --out (the thread writing the file) at an infinite output, naming its row, and leaves neither the file nor a temporary one", () => {
    // As above, over 1 MiB of data: 100 mg eliminated at 1/h underflows to 0 after about 750 h.
    const model = elimination("inverse", 1, 1, ["CP = central/V : mg/L : concentration", "INV = V/central : L/mg : inverse concentration"]);
    const modelFile = join(dir, "inverse-large.pmx");
    writeFileSync(modelFile, model);
    const sub = mkdtempSync(join(dir, "large-failure-"));
    const events = join(sub, "inverse.csv");
    writeFileSync(events, ["ID,TIME,AMT", "1,0,100", ...Array.from({ length: 110_000 }, (_, i) => `1,${(i + 1) / 100},0`)].join("\n") + "\n");
    expect(statSync(events).size).toBeGreaterThan(2 ** 20);
    const sim = simulate(parseModel(model), { data: readDataset(readFileSync(events, "utf8")) });
    const first = sim.outputs.INV.findIndex((v) => v === Infinity);
    expect(first).toBeGreaterThan(4 * 8192);
    const r = pmxlab("simulate", "--model", modelFile, "--data", events, "--out", join(sub, "out.csv"));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`pmxlab simulate: output row ${first + 1}, column INV is Infinity (ID 1, TIME ${sim.time[first]}); CSV cells must be finite numbers or NaN\n`);
    expect(readdirSync(sub)).toEqual(["inverse.csv"]);
  });

  it("refuses an unknown --format as wrong usage", () => {
    const r = pmxlab("simulate", "--model", "pk1cmt_iv", "--data", data, "--format", "xlsx");
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe("pmxlab simulate: --format xlsx: expected auto, csv or table");
  });
});

describe("pmxlab start-up", () => {
  it("prints the help without loading the simulation library or mathjs", () => {
    const probe = `const m = require(${JSON.stringify(resolve(__dirname, "../../dist/cli/main.js"))});
      m.main(["--help"]).then((code) => {
        const loaded = Object.keys(require.cache).filter((f) => /mathjs|dist[\\\\/]cjs/.test(f));
        process.stderr.write(JSON.stringify({ code, loaded }));
      });`;
    const r = spawnSync(process.execPath, ["-e", probe], { encoding: "utf8", timeout: 20_000 });
    expect(r.stdout).toMatch(/^usage: pmxlab <command>/);
    expect(JSON.parse(r.stderr)).toEqual({ code: 0, loaded: [] });
  });
});
