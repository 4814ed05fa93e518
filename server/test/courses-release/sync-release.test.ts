// A re-release never overwrites a student's edited notebook: the hub's sync follows the
// rule of `pmxlab release` with the same manifest, checked on a real release of pk-basics,
// a real edit of a notebook and a real change of the course.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { releaseAction } from "@pmxlab/kernel/exercise";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { releaseFiles } from "../../src/courses-release/publish.js";
import { pmxlabCli } from "../../src/courses-release/pmxlab-cli.js";
import { syncRelease } from "../../src/courses-release/sync-release.js";
import { sha256, type Release } from "../../src/courses-release/release-store.js";
import { folderFiles } from "../support/folder-files.js";

const COURSES = new URL("../../../courses/", import.meta.url).pathname;

/** A release record for files (what the store would hold). */
function asRelease(version: number, files: Map<string, Buffer>): Release {
  return { course: "pk-basics", version, at: "2026-01-01T00:00:00.000Z", by: "grace", files: [...files].map(([path, b]) => ({ path, sha256: sha256(b), bytes: b.length })) };
}

/** Changes the first markdown cell's text of a notebook (an instructor's edit of the course, or a student's). */
function editNotebook(path: string, text: string): void {
  const nb = JSON.parse(readFileSync(path, "utf8")) as { cells: { cell_type: string; source: string | string[] }[] };
  const cell = nb.cells.find((c) => c.cell_type === "markdown")!;
  cell.source = [text];
  writeFileSync(path, JSON.stringify(nb, null, 1) + "\n");
}

describe("the release rule", () => {
  it("adds, updates an untouched file, keeps an edited one and writes the new version beside", () => {
    expect(releaseAction("new", undefined, undefined)).toBe("added");
    expect(releaseAction("v2", "v1", "v1")).toBe("updated");
    expect(releaseAction("v2", "mine", "v1")).toBe("beside");
    expect(releaseAction("v1", "mine", "v1")).toBe("unchanged"); // the course did not change it
    expect(releaseAction("v2", "v2", "v1")).toBe("unchanged"); // already the new version
  });
});

describe("a re-release through the hub service", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "pmxlab-sync-test-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("never overwrites the student's edited notebook, and agrees with pmxlab release", async () => {
    const course = join(dir, "course", "pk-basics");
    cpSync(join(COURSES, "pk-basics"), course, { recursive: true });
    const home = join(dir, "home");
    execFileSync("mkdir", ["-p", home]);
    const files = folderFiles(home);

    // Version 1 arrives: every file is new.
    const v1 = await releaseFiles(join(dir, "course"), "pk-basics");
    expect([...v1.keys()]).toContain("01-elimination.ipynb");
    expect(v1.has(".pmxlab-release.json")).toBe(false);
    const first = await syncRelease(asRelease(1, v1), v1, files, "pk-basics");
    expect(first.added.sort()).toEqual([...v1.keys()].sort());
    expect(readFileSync(join(home, "pk-basics", "02-oral-dosing.ipynb"))).toEqual(v1.get("02-oral-dosing.ipynb"));

    // The student works in 01; the instructor then changes 01 and 02 and adds a data file.
    editNotebook(join(home, "pk-basics", "01-elimination.ipynb"), "My notes: ke = CL / V, so t½ = ln 2 · V / CL.");
    const studentCopy = readFileSync(join(home, "pk-basics", "01-elimination.ipynb"));
    editNotebook(join(course, "01-elimination.ipynb"), "Elimination (revised for this term).");
    editNotebook(join(course, "02-oral-dosing.ipynb"), "Oral dosing (revised for this term).");
    writeFileSync(join(course, "extra-data.csv"), "TIME,CP\n0,10\n1,8\n");
    const v2 = await releaseFiles(join(dir, "course"), "pk-basics");
    const second = await syncRelease(asRelease(2, v2), v2, files, "pk-basics");

    expect(second.beside).toEqual([{ file: "01-elimination.ipynb", newFile: "01-elimination.new.ipynb" }]);
    expect(second.updated).toEqual(["02-oral-dosing.ipynb"]);
    expect(second.added).toEqual(["extra-data.csv"]);
    expect(second.unchanged.length).toBe(v2.size - 3);
    // The edit is intact; the new version is beside it; the untouched notebook is the new one.
    expect(readFileSync(join(home, "pk-basics", "01-elimination.ipynb"))).toEqual(studentCopy);
    expect(readFileSync(join(home, "pk-basics", "01-elimination.new.ipynb"), "utf8")).toContain("revised for this term");
    expect(readFileSync(join(home, "pk-basics", "02-oral-dosing.ipynb"))).toEqual(v2.get("02-oral-dosing.ipynb"));

    // Syncing again changes nothing but re-offers the new version beside the kept edit.
    const third = await syncRelease(asRelease(2, v2), v2, files, "pk-basics");
    expect(third.added).toEqual([]);
    expect(third.updated).toEqual([]);
    expect(third.beside.map((b) => b.file)).toEqual(["01-elimination.ipynb"]);

    // The command line reads the same manifest: it sees nothing to add or update either.
    const cli = execFileSync(process.execPath, [pmxlabCli(), "release", course, "--out", join(home, "pk-basics")], { encoding: "utf8" });
    expect(cli).toMatch(/0 added, 0 updated, \d+ unchanged, 1 written beside an edited copy/);
    expect(readFileSync(join(home, "pk-basics", "01-elimination.ipynb"))).toEqual(studentCopy);
  });

  it("a release holds no solution and no hidden check item", async () => {
    const v1 = await releaseFiles(COURSES, "pk-basics");
    const instructorChecks = readFileSync(join(COURSES, "pk-basics", "checks.ts"), "utf8");
    expect(instructorChecks).toMatch(/BEGIN HIDDEN/); // the course has hidden items to leave out
    expect(v1.get("checks.ts")!.toString("utf8")).not.toMatch(/BEGIN HIDDEN|hidden: true/);
    for (const [path, bytes] of v1) if (path.endsWith(".ipynb")) expect(bytes.toString("utf8")).not.toMatch(/BEGIN SOLUTION/);
  });
});
