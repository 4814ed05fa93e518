// scripts/course-catalogue.mjs: courses/README.md is generated from every course.json and the
// notebooks' exercise cells; `--check` fails on a stale README and on a course.json that lacks
// a field. Broken courses are temporary copies, never the repo's own.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const SCRIPT = new URL("../../scripts/course-catalogue.mjs", import.meta.url).pathname;
const COURSES = new URL("../../courses/", import.meta.url).pathname;

function catalogue(...args) {
  const run = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: "utf8", cwd: tmpdir() });
  return { status: run.status, out: run.stdout, err: run.stderr };
}

function withCopy(body) {
  const dir = mkdtempSync(join(tmpdir(), "pmxlab-catalogue-"));
  try {
    cpSync(COURSES, dir, { recursive: true });
    return body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const readJson = (path) => JSON.parse(readFileSync(path, "utf8"));
const writeJson = (path, value) => writeFileSync(path, JSON.stringify(value, null, 2));

/** A notebook with `points.length` exercise cells worth those points, and one plain cell. */
function notebook(points) {
  const cells = [{ id: "intro", cell_type: "markdown", metadata: {}, source: "# intro" }];
  points.forEach((p, i) => cells.push({ id: `e${i}`, cell_type: "code", metadata: { pmxlab: { exercise: { id: `x/e${i}`, points: p, check: "c" } } }, source: "", outputs: [], execution_count: null }));
  return { nbformat: 4, nbformat_minor: 5, metadata: {}, cells };
}

function course(order, title, file) {
  return { order, title, description: `${title}, for the test.`, notebooks: [{ file, title: `${title} notebook`, objectives: ["an objective"], prerequisites: [], references: ["A N Author (2020). A title. doi:10.0000/test"] }] };
}

test("the committed courses/README.md is what the courses generate", () => {
  const run = catalogue("--check");
  assert.equal(run.status, 0, run.err);
  assert.match(run.out, /up to date/);
});

test("a course.json without a required field fails with its file and field named", () => {
  withCopy((dir) => {
    const file = join(dir, "pk-basics", "course.json");
    const original = readJson(file);
    const { order: _order, ...withoutOrder } = original;
    writeJson(file, withoutOrder);
    let run = catalogue("--check", "--courses", dir);
    assert.equal(run.status, 1);
    assert.match(run.err, /pk-basics\/course\.json: order is missing/);

    const noReferences = structuredClone(original);
    delete noReferences.notebooks[1].references;
    writeJson(file, noReferences);
    run = catalogue("--check", "--courses", dir);
    assert.equal(run.status, 1);
    assert.match(run.err, /pk-basics\/course\.json: notebooks\[1\]\.references is missing/);

    const typo = structuredClone(original);
    typo.notebooks[0].prerequisite = typo.notebooks[0].prerequisites;
    delete typo.notebooks[0].prerequisites;
    writeJson(file, typo);
    run = catalogue("--courses", dir);
    assert.equal(run.status, 1, "writing refuses a bad course.json too");
    assert.match(run.err, /notebooks\[0\]\.prerequisite is not a known field/);
    assert.equal(readFileSync(join(dir, "README.md"), "utf8"), readFileSync(join(COURSES, "README.md"), "utf8"), "nothing is written");
  });
});

test("a notebook of the folder that course.json leaves out, or one it lists that is not there, is an error", () => {
  withCopy((dir) => {
    writeJson(join(dir, "pk-basics", "03-new.ipynb"), notebook([1]));
    let run = catalogue("--check", "--courses", dir);
    assert.equal(run.status, 1);
    assert.match(run.err, /notebooks leaves out 03-new\.ipynb/);
    rmSync(join(dir, "pk-basics", "03-new.ipynb"));
    rmSync(join(dir, "pk-basics", "02-oral-dosing.ipynb"));
    run = catalogue("--check", "--courses", dir);
    assert.equal(run.status, 1);
    assert.match(run.err, /notebooks\[1\]\.file names 02-oral-dosing\.ipynb, which is not in the course folder/);
  });
});

test("an edited course makes the README stale until it is regenerated; courses follow their order and exercises are counted", () => {
  withCopy((dir) => {
    for (const name of ["z-first", "a-second"]) mkdirSync(join(dir, name));
    writeJson(join(dir, "z-first", "course.json"), course(-2, "First course", "01-a.ipynb"));
    writeJson(join(dir, "z-first", "01-a.ipynb"), notebook([2, 1]));
    writeJson(join(dir, "a-second", "course.json"), course(-1, "Second course", "01-b.ipynb"));
    writeJson(join(dir, "a-second", "01-b.ipynb"), notebook([4]));
    let run = catalogue("--check", "--courses", dir);
    assert.equal(run.status, 1);
    assert.match(run.err, /README\.md is stale: run node scripts\/course-catalogue\.mjs/);

    run = catalogue("--courses", dir);
    assert.equal(run.status, 0, run.err);
    const readme = readFileSync(join(dir, "README.md"), "utf8");
    const first = readme.indexOf("## -2. First course");
    const second = readme.indexOf("## -1. Second course");
    const sample = readme.indexOf(`## 1. ${JSON.parse(readFileSync(join(dir, "pk-basics", "course.json"), "utf8")).title}`);
    assert.ok(first >= 0 && first < second && second < sample, "courses in the order of `order`, not of the folder names");
    assert.match(readme, /\| \[First course notebook\]\(z-first\/01-a\.ipynb\) \| an objective \| none \| 2 \(3 points\) \|/);
    assert.match(readme, /\| \[Second course notebook\]\(a-second\/01-b\.ipynb\) \| an objective \| none \| 1 \(4 points\) \|/);
    assert.equal(catalogue("--check", "--courses", dir).status, 0);
  });
});
