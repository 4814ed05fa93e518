import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ONE_CMT } from "../model/fixtures.js";

// Runs the real command through its npm bin (built by `npm run build`, which `npm test` runs first).
const bin = resolve(__dirname, "../../bin/pmxlab.js");
const dir = mkdtempSync(join(tmpdir(), "pmxlab-cli-"));

function pmxlab(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const events = file(
  "events.csv",
  ["ID,TIME,EVID,AMT,CMT,DV", "1,0,1,600,1,.", "1,3,0,0,1,.", "1,12,0,0,1,.", "2,0,1,300,1,.", "2,6,0,0,1,.", ""].join("\n"),
);

describe("pmxlab simulate", () => {
  it("prints ID,TIME,CP for every observation row in dataset order, matching the closed form", () => {
    const r = pmxlab("simulate", "--model", "pk1cmt_iv", "--data", events, "--param", "CL=6", "--param", "V=25");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe("ID,TIME,CP");
    const rows = lines.slice(1).map((l) => l.split(",").map(Number));
    const c = (dose: number, t: number) => (dose / 25) * Math.exp((-6 / 25) * t);
    const expected = [[1, 3, c(600, 3)], [1, 12, c(600, 12)], [2, 6, c(300, 6)]];
    expect(rows.length).toBe(3);
    rows.forEach((row, i) => {
      expect(row[0]).toBe(expected[i][0]);
      expect(row[1]).toBe(expected[i][1]);
      expect(row[2]).toBeCloseTo(expected[i][2], 10);
    });
  });

  it("writes the same CSV to --out", () => {
    const out = join(dir, "out.csv");
    const r = pmxlab("simulate", "--model", "pk1cmt_iv", "--data", events, "--out", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(readFileSync(out, "utf8")).toBe(pmxlab("simulate", "--model", "pk1cmt_iv", "--data", events).stdout);
  });

  it("accepts a model file in the pmxlab format", () => {
    const model = file("one.pmx", ONE_CMT);
    const r = pmxlab("simulate", "--model", model, "--data", events);
    expect(r.code).toBe(0);
    expect(Number(r.stdout.split("\n")[1].split(",")[2])).toBeCloseTo((600 / 25) * Math.exp(-0.72), 6);
  });

  it("fails on an unknown model with one message and no output", () => {
    const r = pmxlab("simulate", "--model", "pk9cmt", "--data", events);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/unknown model "pk9cmt"/);
  });

  it("refuses a --model path that is a directory, a device or too large to be a model, before reading it", () => {
    const big = file("big.model", "# " + "x".repeat(1 << 20) + "\n");
    for (const [path, why] of [
      [dir, "is a directory"],
      ["/dev/zero", "is not a regular file"],
      [big, "the file is 1048579 bytes, more than a model file's 1 MiB (1048576 bytes); is it the right file?"],
    ] as const) {
      const r = pmxlab("simulate", "--model", path, "--data", events);
      expect(r.code, path).toBe(1);
      expect(r.stderr, path).toBe(`pmxlab simulate: --model ${path}: ${why}${why.endsWith("?") ? "" : "; give a model file or a built-in model's name"}\n`);
    }
  });

  it("fails on a dataset without a TIME column naming the column", () => {
    const bad = file("notime.csv", "ID,EVID,AMT\n1,1,100\n");
    const r = pmxlab("simulate", "--model", "pk1cmt_iv", "--data", bad);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/TIME/);
  });

  it("fails on times going backwards naming the row", () => {
    const bad = file("backwards.csv", "ID,TIME,EVID,AMT\n1,0,1,100\n1,4,0,0\n1,2,0,0\n");
    const r = pmxlab("simulate", "--model", "pk1cmt_iv", "--data", bad);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/row 3/);
  });

  it("fails on a negative volume naming the parameter", () => {
    const r = pmxlab("simulate", "--model", "pk1cmt_iv", "--data", events, "--param", "V=-5");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/V = -5/);
  });

  it("fails on a NaN parameter value as a usage error", () => {
    const r = pmxlab("simulate", "--model", "pk1cmt_iv", "--data", events, "--param", "CL=abc");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--param CL=abc/);
  });

  it("reports a missing --data as a usage error", () => {
    const r = pmxlab("simulate", "--model", "pk1cmt_iv");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing --data/);
  });
});
