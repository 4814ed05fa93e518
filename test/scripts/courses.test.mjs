// The shipped course notebooks are what `npm start` copies for students: valid nbformat 4.5
// with a cell id on every cell (without ids Jupyter logs a warning per cell and invents ids
// at each load), and saved clean, with no outputs or execution counts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const COURSES = new URL("../../courses/", import.meta.url).pathname;
// nbformat 4.5's cell id rule (nbformat/v4/nbformat.v4.5.schema.json, "cell_id").
const CELL_ID = /^[a-zA-Z0-9-_]{1,64}$/;

function notebooks(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() && entry.name !== ".ipynb_checkpoints" ? notebooks(join(dir, entry.name)) : entry.name.endsWith(".ipynb") ? [join(dir, entry.name)] : [],
  );
}

test("courses/ holds notebooks", () => {
  assert.ok(notebooks(COURSES).length > 0);
});

for (const path of notebooks(COURSES)) {
  const name = path.slice(COURSES.length);
  test(`${name} is nbformat 4.5 with unique cell ids and no saved outputs`, () => {
    const notebook = JSON.parse(readFileSync(path, "utf8"));
    assert.equal(notebook.nbformat, 4);
    assert.ok(notebook.nbformat_minor >= 5, `nbformat_minor ${notebook.nbformat_minor} has no cell ids`);
    const ids = notebook.cells.map((cell) => cell.id);
    for (const [index, id] of ids.entries()) assert.match(String(id), CELL_ID, `cell ${index + 1} has no valid id`);
    assert.equal(new Set(ids).size, ids.length, "cell ids are unique");
    for (const [index, cell] of notebook.cells.entries()) {
      if (cell.cell_type !== "code") continue;
      assert.deepEqual(cell.outputs, [], `cell ${index + 1} has saved outputs`);
      assert.equal(cell.execution_count, null, `cell ${index + 1} has an execution count`);
    }
  });
}

// Every ISBN cited by a course or a data card is well formed: an ISBN-13's digits, weighted
// 1, 3, 1, 3, …, sum to a multiple of 10 (ISO 2108); an ISBN-10's, weighted 10 … 1, to a
// multiple of 11. A mistyped ISBN (one was, 978-0-8247-1042-6) fails here.
test("every cited ISBN has a valid check digit", () => {
  const files = [...notebooks(COURSES), ...readdirSync(COURSES, { recursive: true }).filter((f) => String(f).endsWith("course.json")).map((f) => join(COURSES, String(f)))];
  const DATASETS = new URL("../../datasets/", import.meta.url).pathname;
  files.push(...readdirSync(DATASETS).filter((f) => f.endsWith(".md")).map((f) => join(DATASETS, f)));
  const cited = new Map();
  for (const file of files) for (const match of readFileSync(file, "utf8").matchAll(/ISBN[:\s]*([0-9][0-9Xx-]{8,16}[0-9Xx])/g)) cited.set(match[1], file);
  assert.ok(cited.size > 0, "the courses cite books");
  for (const [isbn, file] of cited) {
    const digits = isbn.replace(/-/g, "").toUpperCase();
    let valid = false;
    if (/^\d{13}$/.test(digits)) valid = [...digits].reduce((sum, d, i) => sum + Number(d) * (i % 2 ? 3 : 1), 0) % 10 === 0;
    else if (/^\d{9}[\dX]$/.test(digits)) valid = [...digits].reduce((sum, d, i) => sum + (d === "X" ? 10 : Number(d)) * (10 - i), 0) % 11 === 0;
    assert.ok(valid, `${file}: ISBN ${isbn} has a wrong check digit or length`);
  }
});
