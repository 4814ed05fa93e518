import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// The real command through its npm bin, on the sample course (no kernel needed).
const bin = resolve(__dirname, "../../bin/pmxlab.js");
const course = resolve(__dirname, "../../../courses/pk-basics");
const pmxlab = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe("pmxlab release", () => {
  const out = join(mkdtempSync(join(tmpdir(), "pmxlab-release-")), "student");

  it("writes student versions without solutions, hidden check items or instructor notes", () => {
    const r = pmxlab("release", course, "--out", out);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    // Six notebooks, checks.ts and course.json.
    expect(r.stdout).toMatch(/8 added/);
    const notebook = readFileSync(join(out, "01-elimination.ipynb"), "utf8");
    expect(notebook).not.toMatch(/BEGIN SOLUTION|Math\.LN2 \/ ke|Instructor note/);
    expect(notebook).toMatch(/let halfLife: any = undefined/);
    const checks = readFileSync(join(out, "checks.ts"), "utf8");
    expect(checks).not.toMatch(/hidden: true|AUC of 1200 mg/);
    expect(readFileSync(join(course, "checks.ts"), "utf8")).toMatch(/AUC of 1200 mg/);
  });

  it("never overwrites a student's edited copy: unchanged files stay, an edited one gets the new version beside it", () => {
    expect(pmxlab("release", course, "--out", out).stdout).toMatch(/0 added, 0 updated, 8 unchanged/);
    const edited = join(out, "01-elimination.ipynb");
    const mine = readFileSync(edited, "utf8").replace("let halfLife: any = undefined", "const halfLife = 8");
    writeFileSync(edited, mine);
    // Unchanged course: the edit is kept and nothing is written beside it.
    expect(pmxlab("release", course, "--out", out).stdout).toMatch(/8 unchanged/);
    expect(existsSync(join(out, "01-elimination.new.ipynb"))).toBe(false);
    // A course change reaching an edited copy: written beside, reported; an untouched copy is updated.
    const manifest = join(out, ".pmxlab-release.json");
    const files = JSON.parse(readFileSync(manifest, "utf8")).files;
    files["01-elimination.ipynb"] = "0".repeat(64);
    writeFileSync(join(out, "02-oral-dosing.ipynb"), "old version\n");
    files["02-oral-dosing.ipynb"] = createHash("sha256").update("old version\n").digest("hex");
    writeFileSync(manifest, JSON.stringify({ files }));
    const r = pmxlab("release", course, "--out", out);
    expect(r.stdout).toMatch(/changed: 01-elimination.ipynb — your edited copy is kept; the new version is 01-elimination.new.ipynb/);
    expect(r.stdout).toMatch(/updated: 02-oral-dosing.ipynb/);
    expect(readFileSync(edited, "utf8")).toBe(mine);
    expect(readFileSync(join(out, "01-elimination.new.ipynb"), "utf8")).toMatch(/let halfLife: any = undefined/);
  });

  it("names a course whose exercise points to a check the checks module lacks", () => {
    const bad = mkdtempSync(join(tmpdir(), "pmxlab-course-"));
    writeFileSync(join(bad, "checks.ts"), "export const other = 1;\n");
    writeFileSync(join(bad, "a.ipynb"), readFileSync(join(course, "01-elimination.ipynb")));
    const r = pmxlab("release", bad, "--out", join(bad, "out"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/a.ipynb: exercise "pk-basics\/half-life" names check "halfLife", which checks.ts does not export/);
    expect(pmxlab("release", "no-such-course", "--out", out)).toMatchObject({ code: 2 });
  });
});
