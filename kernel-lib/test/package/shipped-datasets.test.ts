import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// shippedDatasetPath looks from the working directory upwards, then at the checkout the
// package belongs to; each case runs in a child process started in that directory (the
// built @pmxlab/kernel/node, as a notebook's kernel loads it).
const repo = resolve(__dirname, "../../..");
const nodeEntry = join(repo, "kernel-lib", "dist", "node", "index.js");
const outside = realpathSync(mkdtempSync(join(tmpdir(), "pmxlab-datasets-")));
afterAll(() => rmSync(outside, { recursive: true, force: true }));

function inDir(cwd: string, code: string): { out: string; err: string; status: number | null } {
  const run = spawnSync(process.execPath, ["-e", `const k = require(${JSON.stringify(nodeEntry)}); ${code}`], { cwd, encoding: "utf8" });
  return { out: run.stdout.trim(), err: run.stderr, status: run.status };
}

describe("shippedDatasetPath", () => {
  it("finds datasets/ from a course folder and from a released copy deeper down", () => {
    for (const cwd of [join(repo, "courses", "pk-basics"), join(repo, "kernel-lib", "test")]) {
      expect(inDir(cwd, 'console.log(k.shippedDatasetPath("theoph.csv"))').out).toBe(join(repo, "datasets", "theoph.csv"));
    }
  });

  it("prefers the nearest datasets/ folder, and falls back to the checkout's outside the project (a hub home)", () => {
    const home = join(outside, "home");
    mkdirSync(join(home, "course"), { recursive: true });
    expect(inDir(join(home, "course"), 'console.log(k.shippedDatasetPath("theoph.csv"))').out).toBe(join(repo, "datasets", "theoph.csv"));
    mkdirSync(join(home, "datasets"));
    writeFileSync(join(home, "datasets", "theoph.csv"), "ID,TIME,DV\n1,0,1\n");
    expect(inDir(join(home, "course"), 'console.log(k.shippedDatasetPath("theoph.csv"))').out).toBe(join(home, "datasets", "theoph.csv"));
    // readShippedDataset reads the file it finds: the 12 Theoph subjects from the checkout.
    expect(inDir(outside, 'console.log(k.readShippedDataset("theoph.csv").subjects.length)').out).toBe("12");
  });

  it("refuses a path instead of a file name, and names a missing file", () => {
    const traversal = inDir(outside, 'k.shippedDatasetPath("../package.json")');
    expect(traversal.status).not.toBe(0);
    expect(traversal.err).toMatch(/"\.\.\/package\.json" is not a file name/);
    const missing = inDir(outside, 'k.shippedDatasetPath("nothing.csv")');
    expect(missing.err).toMatch(/datasets\/nothing\.csv not found in .* nor at /);
  });
});
