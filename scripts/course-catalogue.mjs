#!/usr/bin/env node
// The course catalogue: writes courses/README.md from every courses/*/course.json and the
// exercise cells (`pmxlab.exercise` metadata) of each listed notebook, so the catalogue never
// drifts from the courses. `--check` writes nothing and exits 1 when the committed README
// differs from what would be generated (CI: test/scripts/course-catalogue.test.mjs).
//
//   node scripts/course-catalogue.mjs [--check] [--courses DIR]
//
// A course.json missing a field, with an unknown field (a typo), listing a notebook that is
// not there, or leaving out a notebook of its folder is one error naming the file and field.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";

const COURSE_FIELDS = { order: "a number, the course's place in the catalogue", title: "a text", description: "a text", notebooks: "a non-empty list of notebooks" };
const NOTEBOOK_FIELDS = {
  file: "the notebook's file name in the course folder",
  title: "a text",
  objectives: "a non-empty list of learning objectives",
  prerequisites: "a list of earlier notebooks (course/file.ipynb) or skills; [] for none",
  references: "a non-empty list of full citations (author, year, title, DOI or ISBN)",
};

class CatalogueError extends Error {}

/** A path as errors name it: relative to the working directory. */
const shown = (path) => relative(process.cwd(), path) || path;
const isText = (v) => typeof v === "string" && v.trim() !== "";
const isTextList = (v) => Array.isArray(v) && v.every(isText);

/** `file`: the course.json as errors name it; `path`: where in it ("" or "notebooks[1]."). */
function checkFields(value, fields, file, path) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new CatalogueError(`${file}: ${path || "the file"} is not an object`);
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(fields, key)) throw new CatalogueError(`${file}: ${path}${key} is not a known field (known: ${Object.keys(fields).join(", ")})`);
  }
  for (const [key, what] of Object.entries(fields)) {
    if (!Object.hasOwn(value, key)) throw new CatalogueError(`${file}: ${path}${key} is missing (${what})`);
  }
}

/** One course.json, checked field by field; `file` names it in errors. */
function parseCourse(json, file, folderNotebooks) {
  const fail = (field, message) => new CatalogueError(`${file}: ${field} ${message}`);
  checkFields(json, COURSE_FIELDS, file, "");
  if (typeof json.order !== "number" || !Number.isFinite(json.order)) throw fail("order", `must be ${COURSE_FIELDS.order}`);
  for (const key of ["title", "description"]) if (!isText(json[key])) throw fail(key, `must be ${COURSE_FIELDS[key]}`);
  if (!Array.isArray(json.notebooks) || json.notebooks.length === 0) throw fail("notebooks", `must be ${COURSE_FIELDS.notebooks}`);
  const notebooks = json.notebooks.map((nb, i) => {
    const at = `notebooks[${i}].`;
    checkFields(nb, NOTEBOOK_FIELDS, file, at);
    if (!isText(nb.file) || !nb.file.endsWith(".ipynb")) throw fail(`${at}file`, `must be ${NOTEBOOK_FIELDS.file} (.ipynb)`);
    if (!folderNotebooks.includes(nb.file)) throw fail(`${at}file`, `names ${nb.file}, which is not in the course folder`);
    if (!isText(nb.title)) throw fail(`${at}title`, `must be ${NOTEBOOK_FIELDS.title}`);
    for (const key of ["objectives", "prerequisites", "references"]) {
      const ok = isTextList(nb[key]) && (key === "prerequisites" || nb[key].length > 0);
      if (!ok) throw fail(`${at}${key}`, `must be ${NOTEBOOK_FIELDS[key]}`);
    }
    return { file: nb.file, title: nb.title, objectives: nb.objectives, prerequisites: nb.prerequisites, references: nb.references };
  });
  const listed = new Set(notebooks.map((nb) => nb.file));
  if (listed.size !== notebooks.length) throw fail("notebooks", "lists a file twice");
  const unlisted = folderNotebooks.filter((name) => !listed.has(name));
  if (unlisted.length > 0) throw fail("notebooks", `leaves out ${unlisted.join(", ")} of the course folder: list every notebook`);
  return { order: json.order, title: json.title, description: json.description, notebooks };
}

/** Exercise cells of a notebook (nbformat JSON) and their points. */
function countExercises(notebook, where) {
  if (!Array.isArray(notebook?.cells)) throw new CatalogueError(`${where} has no cells (not an nbformat notebook)`);
  let exercises = 0;
  let points = 0;
  for (const cell of notebook.cells) {
    const exercise = cell?.metadata?.pmxlab?.exercise;
    if (!exercise) continue;
    exercises++;
    points += typeof exercise.points === "number" ? exercise.points : 0;
  }
  return { exercises, points };
}

function readJson(path, where) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new CatalogueError(`${where}: ${error.message}`);
  }
}

/**
 * Every course folder of `coursesDir` (a direct sub-folder with a course.json), checked, with
 * each notebook's exercise count, in catalogue order (by `order`, then folder name); and the
 * notebooks of `coursesDir` itself, which belong to no course.
 */
function readCatalogue(coursesDir) {
  const entries = readdirSync(coursesDir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const courses = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || !existsSync(join(coursesDir, entry.name, "course.json"))) continue;
    const dir = entry.name;
    const where = shown(join(coursesDir, dir, "course.json"));
    const folderNotebooks = readdirSync(join(coursesDir, dir)).filter((f) => f.endsWith(".ipynb")).sort();
    const course = parseCourse(readJson(join(coursesDir, dir, "course.json"), where), where, folderNotebooks);
    for (const nb of course.notebooks) {
      const path = join(coursesDir, dir, nb.file);
      Object.assign(nb, countExercises(readJson(path, shown(path)), shown(path)));
    }
    courses.push({ dir, ...course });
  }
  courses.sort((a, b) => a.order - b.order);
  const loose = entries.filter((e) => e.isFile() && e.name.endsWith(".ipynb")).map((e) => e.name);
  return { courses, loose };
}

const cell = (text) => text.replaceAll("|", "\\|").replaceAll("\n", " ");
const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
const sum = (list, key) => list.reduce((total, x) => total + x[key], 0);

/** The catalogue's markdown. */
function renderCatalogue({ courses, loose }) {
  const notebooks = courses.flatMap((c) => c.notebooks);
  const lines = [
    "# Course catalogue",
    "",
    "<!-- Generated by `node scripts/course-catalogue.mjs` from courses/*/course.json and the notebooks' exercise cells. Do not edit by hand. -->",
    "",
    "This file is generated: each course folder's `course.json` (order, title, description, and per",
    "notebook its title, learning objectives, prerequisites and references) and the exercise cells",
    "(`pmxlab.exercise` metadata) of its notebooks. After changing a course run",
    "`node scripts/course-catalogue.mjs`; `node scripts/course-catalogue.mjs --check` exits 1 when",
    "this file is stale or a course.json lacks a field (see [docs/exercises.md](../docs/exercises.md)).",
    "The JupyterLab *Courses* panel shows the same courses in the same order.",
    "",
    `${plural(courses.length, "course")}, ${plural(notebooks.length, "notebook")}, ${plural(sum(notebooks, "exercises"), "exercise")} (${plural(sum(notebooks, "points"), "point")}).`,
    "",
    "| order | course | folder | notebooks | exercises |",
    "|---|---|---|---|---|",
    ...courses.map((c) => `| ${c.order} | ${cell(c.title)} | [${c.dir}/](${c.dir}/) | ${c.notebooks.length} | ${sum(c.notebooks, "exercises")} |`),
  ];
  for (const c of courses) {
    lines.push("", `## ${c.order}. ${c.title}`, "", c.description, "");
    lines.push("| notebook | objectives | prerequisites | exercises |", "|---|---|---|---|");
    for (const nb of c.notebooks) {
      const objectives = nb.objectives.map(cell).join("<br>");
      const prerequisites = nb.prerequisites.length > 0 ? nb.prerequisites.map(cell).join("<br>") : "none";
      lines.push(`| [${cell(nb.title)}](${c.dir}/${nb.file}) | ${objectives} | ${prerequisites} | ${nb.exercises} (${plural(nb.points, "point")}) |`);
    }
    lines.push("", "References:", "");
    const references = [...new Set(c.notebooks.flatMap((nb) => nb.references))];
    for (const reference of references) lines.push(`- ${reference}`);
  }
  if (loose.length > 0) {
    lines.push("", "## Outside the courses", "", `Notebooks in courses/ itself, in no course: ${loose.map((f) => `[${f}](${f})`).join(", ")}.`);
  }
  return `${lines.join("\n")}\n`;
}

function main() {
  const { values } = parseArgs({ options: { check: { type: "boolean", default: false }, courses: { type: "string" } } });
  const coursesDir = values.courses ?? new URL("../courses/", import.meta.url).pathname;
  const readme = join(coursesDir, "README.md");
  const text = renderCatalogue(readCatalogue(coursesDir));
  if (values.check) {
    const current = existsSync(readme) ? readFileSync(readme, "utf8") : "";
    if (current !== text) throw new CatalogueError(`${shown(readme)} is stale: run node scripts/course-catalogue.mjs and commit it`);
    console.log(`${shown(readme)} is up to date`);
    return;
  }
  writeFileSync(readme, text);
  console.log(`wrote ${shown(readme)}`);
}

try {
  main();
} catch (error) {
  if (!(error instanceof CatalogueError)) throw error;
  console.error(`course-catalogue: ${error.message}`);
  process.exit(1);
}
