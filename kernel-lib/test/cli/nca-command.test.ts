import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readDataset } from "../../src/data/index.js";
import { ncaDataset } from "../../src/nca/index.js";

// Runs the real command through its npm bin (built by `npm run build`, which `npm test` runs first).
const bin = resolve(__dirname, "../../bin/pmxlab.js");
const theoph = resolve(__dirname, "../../../datasets/theoph.csv");
const pmxlab = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

// Bad inputs, one file each.
const dir = mkdtempSync(join(tmpdir(), "pmxlab-nca-"));
const bad = Object.fromEntries(
  Object.entries({
    noDv: "ID,TIME,AMT\n1,0,100\n1,1,0\n1,2,0\n",
    unsorted: "ID,TIME,AMT,DV\n1,0,100,.\n1,2,0,5\n1,1,0,6\n",
    negative: "ID,TIME,AMT,DV\n1,0,100,.\n1,1,0,5\n1,2,0,3\n2,0,100,.\n2,1,0,4\n2,2,0,-1\n",
  }).map(([name, text]) => {
    writeFileSync(join(dir, `${name}.csv`), text);
    return [name, join(dir, `${name}.csv`)];
  }),
);

const CONTRACT = ["ID", "cmax", "tmax", "tlast", "clast.obs", "auclast", "lambda.z", "r.squared", "adj.r.squared", "half.life", "aucinf.obs", "cl.obs", "vz.obs"];

describe("pmxlab nca", () => {
  const run = pmxlab("nca", "--data", theoph);
  const lines = run.stdout.trim().split("\n");
  const header = lines[0].split(",");
  const column = (name: string) => lines.slice(1).map((l) => Number(l.split(",")[header.indexOf(name)]));

  it("prints one row per Theoph ID with the contract's PKNCA columns first", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(header.slice(0, CONTRACT.length)).toEqual(CONTRACT);
    expect(lines).toHaveLength(13);
    expect(column("ID")).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it("reports subject 1 as PKNCA does: Cmax 10.5 at 1.12 h, t½ 14.3 h, AUCinf,obs 214.9", () => {
    expect(column("cmax")[0]).toBe(10.5);
    expect(column("tmax")[0]).toBe(1.12);
    expect(column("half.life")[0]).toBeCloseTo(14.3, 1);
    expect(column("aucinf.obs")[0]).toBeCloseTo(214.9, 1);
    expect(column("cl.obs")[0]).toBeCloseTo(319.992 / column("aucinf.obs")[0], 12);
  });

  it("prints exactly what ncaDataset computes, to full precision", () => {
    const results = ncaDataset(readDataset(readFileSync(theoph, "utf8")));
    for (const name of CONTRACT.slice(1)) expect(column(name)).toEqual(results.map((r) => r[name as "cmax"]));
  });

  it("uses linear trapezoids with --auc-method linear and writes to --out", () => {
    const out = join(dir, "linear.csv");
    const r = pmxlab("nca", "--data", theoph, "--auc-method", "linear", "--out", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    const linear = readFileSync(out, "utf8").trim().split("\n");
    const auclast = Number(linear[1].split(",")[header.indexOf("auclast")]);
    expect(auclast).toBeGreaterThan(column("auclast")[0]);
    expect(linear[0]).toBe(lines[0]);
  });

  it("fails on a file without DV naming the column", () => {
    const r = pmxlab("nca", "--data", bad.noDv);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/missing column DV/);
  });

  it("fails on unsorted times naming the row", () => {
    const r = pmxlab("nca", "--data", bad.unsorted);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/row 3 .*TIME 1 is before the previous TIME 2/);
  });

  it("fails on a negative concentration naming the ID and row, printing nothing", () => {
    const r = pmxlab("nca", "--data", bad.negative);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("pmxlab nca: ID 2: row 6: concentration -1 at time 2 is negative or infinite; concentrations must be ≥ 0 (BLQ as 0 or below lloq)\n");
  });

  it("reports a bad --auc-method as a usage error", () => {
    const method = pmxlab("nca", "--data", theoph, "--auc-method", "spline");
    expect(method.code).toBe(2);
    expect(method.stderr).toMatch(/--auc-method spline: expected one of linear-up\/log-down, linear, log, lin-log/);
  });
});
