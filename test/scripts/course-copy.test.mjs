// scripts/course-copy.sh, the working copy `npm start` serves students: files of courses/
// missing from the copy are added, a student's edited file is never overwritten.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const SCRIPT = new URL("../../scripts/course-copy.sh", import.meta.url).pathname;

function copy(source, target) {
  return execFileSync("bash", [SCRIPT, source, target], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

test("the first run copies every course file, a later run adds new ones and keeps the student's edits", () => {
  const dir = mkdtempSync(join(tmpdir(), "pmxlab-course-copy-"));
  try {
    const courses = join(dir, "courses");
    const work = join(dir, "my-courses");
    mkdirSync(join(courses, "week 1", ".ipynb_checkpoints"), { recursive: true });
    writeFileSync(join(courses, "welcome.ipynb"), "original welcome");
    writeFileSync(join(courses, "week 1", "doses.ipynb"), "original doses");
    writeFileSync(join(courses, "week 1", ".ipynb_checkpoints", "doses-checkpoint.ipynb"), "checkpoint");

    copy(courses, work);
    assert.equal(readFileSync(join(work, "welcome.ipynb"), "utf8"), "original welcome");
    assert.equal(readFileSync(join(work, "week 1", "doses.ipynb"), "utf8"), "original doses", "folders and names with spaces are copied");
    assert.equal(existsSync(join(work, "week 1", ".ipynb_checkpoints")), false, "Jupyter's checkpoints are not copied");

    writeFileSync(join(work, "welcome.ipynb"), "the student's outputs");
    writeFileSync(join(courses, "welcome.ipynb"), "the instructor's new version");
    writeFileSync(join(courses, "week 1", "new.ipynb"), "a new notebook");
    rmSync(join(work, "week 1", "doses.ipynb"));
    copy(courses, work);
    assert.equal(readFileSync(join(work, "welcome.ipynb"), "utf8"), "the student's outputs", "an edited copy is never overwritten");
    assert.equal(readFileSync(join(work, "week 1", "new.ipynb"), "utf8"), "a new notebook", "a new course file arrives");
    assert.equal(readFileSync(join(work, "week 1", "doses.ipynb"), "utf8"), "original doses", "a deleted copy comes back fresh");
    assert.equal(readFileSync(join(courses, "welcome.ipynb"), "utf8"), "the instructor's new version", "courses/ is only read");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
