import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// Bad input through the real command (issue 11). Every run is bounded: 20 s of wall time and,
// through NODE_OPTIONS, 96 MiB of V8 heap — a reader that holds unbounded input dies with an
// out-of-memory stack instead of the one message asserted.
const bin = resolve(__dirname, "../../bin/pmxlab.js");
const dir = mkdtempSync(join(tmpdir(), "pmxlab-safety-"));
const BOUND = { timeout: 20_000, env: { ...process.env, NODE_OPTIONS: "--max-old-space-size=96" } };

function pmxlab(args: string[], cwd = dir) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", cwd, ...BOUND });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs a shell pipeline (bash, pipefail) so pmxlab's own exit status and stderr are seen. */
function shell(command: string) {
  const r = spawnSync("bash", ["-o", "pipefail", "-c", command], { encoding: "utf8", cwd: dir, ...BOUND });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** One message on stderr, a non-zero exit, nothing on stdout. */
function expectOneError(r: { code: number | null; stdout: string; stderr: string }, pattern: RegExp, code = 1): void {
  expect(r.stdout).toBe("");
  expect(r.stderr.trim()).toMatch(pattern);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(r.code).toBe(code);
}

const EVENTS = "ID,TIME,EVID,AMT,CMT\n1,0,1,100,1\n1,1,0,0,0\n1,2,0,0,0\n";
const events = file("events.csv", EVENTS);

describe("pmxlab simulate refuses input it cannot trust", () => {
  it("stops reading /dev/zero at its first bytes (NUL is not CSV text)", () => {
    expectOneError(pmxlab(["simulate", "--model", "pk1cmt_iv", "--data", "/dev/zero"]), /^pmxlab simulate: \/dev\/zero: line 1: the data holds a NUL byte/);
  });

  it("stops an endless text stream at the input size limit, which --max-input raises or lowers", () => {
    const r = shell(`yes "1,5,0,0,0" | (echo ID,TIME,EVID,AMT,CMT; cat) | node ${bin} simulate --model pk1cmt_iv --data /dev/stdin --max-input 1MiB`);
    expect(r.stderr).toBe("pmxlab simulate: /dev/stdin: the data is larger than the input limit of 1 MiB (1048576 bytes); raise it with --max-input SIZE, e.g. --max-input 4GiB\n");
    expect(r.stdout).toBe("");
    expect(r.code).not.toBe(0);
  });

  it("refuses --out naming the --data file, by the same path, a relative path or a symbolic link, and leaves it intact", () => {
    const data = file("same.csv", EVENTS);
    const link = join(dir, "link.csv");
    symlinkSync(data, link);
    for (const out of [data, relative(process.cwd(), data), basename(data), link]) {
      const r = pmxlab(["simulate", "--model", "pk1cmt_iv", "--data", data, "--out", out]);
      expectOneError(r, /^pmxlab simulate: --out .* is the --data file .*same\.csv; write the results to another file$/);
      expect(readFileSync(data, "utf8")).toBe(EVENTS);
    }
  });

  it("leaves an existing --out file untouched when the run fails, and leaves no temporary file", () => {
    const out = file("previous.csv", "earlier results\n");
    const before = readdirSync(dir).length;
    const r = pmxlab(["simulate", "--model", "pk1cmt_iv", "--data", events, "--param", "V=-5", "--out", out]);
    expectOneError(r, /V = -5/);
    expect(readFileSync(out, "utf8")).toBe("earlier results\n");
    expect(readdirSync(dir).length).toBe(before);
  });

  it("refuses a header with no data rows", () => {
    expectOneError(pmxlab(["simulate", "--model", "pk1cmt_iv", "--data", file("header.csv", "ID,TIME,EVID,AMT\n")]), /line 1: the dataset has a header but no data rows/);
  });

  it("refuses a dataset without observation rows instead of printing an empty table", () => {
    const r = pmxlab(["simulate", "--model", "pk1cmt_iv", "--data", file("doses.csv", "ID,TIME,AMT\n1,0,100\n2,0,50\n")]);
    expectOneError(r, /^pmxlab simulate: the dataset has no observation rows \(EVID 0\), so there is nothing to output/);
  });

  it("refuses a dataset without doses when the model would give an all-zero table", () => {
    const r = pmxlab(["simulate", "--model", "pk2cmt_oral", "--data", file("noamt.csv", "ID,TIME\n1,0\n1,1\n2,5\n")]);
    expectOneError(r, /^pmxlab simulate: the dataset has no AMT column, so no subject gets a dose and every output of pk2cmt_oral is 0; give doses as rows with AMT > 0 \(EVID 1\)$/);
    const zero = pmxlab(["simulate", "--model", "pk1cmt_iv", "--data", file("zeroamt.csv", "ID,TIME,AMT\n1,0,0\n1,1,0\n")]);
    expectOneError(zero, /no row of the dataset gives a dose \(AMT > 0 or RATE > 0\)/);
  });

  it("refuses an observation row with a compartment the model does not have, naming the row", () => {
    const r = pmxlab(["simulate", "--model", "pk2cmt_oral", "--data", file("cmt9.csv", "ID,TIME,EVID,AMT,CMT\n1,0,1,100,1\n1,1,0,0,2\n1,2,0,0,9\n")]);
    expectOneError(r, /row 3: observation CMT 9 does not exist in model pk2cmt_oral \(compartments 1–3/);
  });

  it("refuses 1e309 in a cell as out of range, naming the row and column", () => {
    const r = pmxlab(["simulate", "--model", "pk1cmt_iv", "--data", file("huge.csv", "ID,TIME,AMT\n1,0,100\n1,1e309,0\n")]);
    expectOneError(r, /^pmxlab simulate: .*huge\.csv: row 2 \(line 3\), column TIME: "1e309" is out of range/);
  });

  it("refuses --param __proto__=5 as an unknown parameter instead of ignoring it", () => {
    expectOneError(pmxlab(["simulate", "--model", "pk1cmt_iv", "--data", events, "--param", "__proto__=5"]), /unknown parameter "__proto__" for model pk1cmt_iv/);
  });

  it("refuses a parameter given twice as wrong usage, with the usage text after the message", () => {
    const r = pmxlab(["simulate", "--model", "pk1cmt_iv", "--data", events, "--param", "CL=5", "--param", "CL=6"]);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")[0]).toBe("pmxlab simulate: --param CL=6: CL is already given (CL=5)");
    expect(r.stderr).toMatch(/\n\npmxlab simulate --model/);
    expect(r.code).toBe(2);
  });

  it("refuses a --jobs that is not a whole number of notebooks, as wrong usage naming the option", () => {
    const usage = { check: (jobs: string) => ["check", "--jobs", jobs, "x.ipynb"], grade: (jobs: string) => ["grade", "--jobs", jobs, "--course", "pk-basics", "--out", "x.csv", "submissions"] };
    for (const [command, args] of Object.entries(usage)) {
      for (const jobs of ["0", "2.5", "two"]) {
        const r = pmxlab(args(jobs));
        expect(r.stderr.split("\n")[0]).toBe(`pmxlab ${command}: --jobs ${jobs}: expected a whole number, 1 or more`);
        expect(r.code).toBe(2);
      }
    }
  });

  it("refuses --model constructor and --model __proto__ as unknown models", () => {
    for (const name of ["constructor", "__proto__", "toString"]) {
      expectOneError(pmxlab(["simulate", "--model", name, "--data", events]), new RegExp(`^pmxlab simulate: unknown model "${name}"; known models: pk1cmt_iv, `));
    }
  });
});

describe("pmxlab nca refuses the same input", () => {
  it("stops at a NUL byte, refuses header-only data and an --out that is the --data file", () => {
    expectOneError(pmxlab(["nca", "--data", "/dev/zero"]), /^pmxlab nca: \/dev\/zero: line 1: the data holds a NUL byte/);
    expectOneError(pmxlab(["nca", "--data", file("nca-header.csv", "ID,TIME,AMT,DV\n")]), /line 1: the dataset has a header but no data rows/);
    const data = file("nca-same.csv", "ID,TIME,AMT,DV\n1,0,100,.\n1,1,0,5\n1,2,0,3\n1,4,0,1\n");
    expectOneError(pmxlab(["nca", "--data", data, "--out", data]), /is the --data file/);
    expect(readFileSync(data, "utf8")).toBe("ID,TIME,AMT,DV\n1,0,100,.\n1,1,0,5\n1,2,0,3\n1,4,0,1\n");
  });
});

describe("pmxlab writes its output safely", () => {
  it("reports a full disk on standard output in one line", () => {
    const r = shell(`node ${bin} simulate --model pk1cmt_iv --data ${events} > /dev/full`);
    expect(r.stderr).toBe("pmxlab simulate: cannot write the output to standard output: no space left on device (ENOSPC)\n");
    expect(r.code).toBe(1);
  });

  it("stops quietly with exit 0 when the reader of a pipe has seen enough (| head)", () => {
    const rows = ["ID,TIME,AMT"];
    for (let id = 1; id <= 300; id++) {
      rows.push(`${id},0,100`);
      for (let t = 0; t <= 100; t++) rows.push(`${id},${t},0`);
    }
    const big = file("big.csv", rows.join("\n") + "\n");
    const r = shell(`node ${bin} simulate --model pk1cmt_iv --param V=25 --data ${big} --format csv | head -n 2`);
    expect(r.stdout).toBe("ID,TIME,CP\n1,0,4\n"); // 100 mg / 25 L
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("writes --out through a temporary file renamed into place, replacing the old content", () => {
    const out = file("replace.csv", "x".repeat(100_000));
    const r = pmxlab(["simulate", "--model", "pk1cmt_iv", "--data", events, "--out", out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(pmxlab(["simulate", "--model", "pk1cmt_iv", "--data", events, "--format", "csv"]).stdout);
    expect(readdirSync(dir).filter((f) => f.includes("pmxlab-tmp"))).toEqual([]);
    expect(existsSync(out)).toBe(true);
  });
});
