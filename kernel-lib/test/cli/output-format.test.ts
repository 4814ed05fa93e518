import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
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
