// The instructor's class view: the grid, tutor use, the common failing items and
// misconceptions computed from the records; the CSV safe for spreadsheets; students refused.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { afterEach, describe, expect, it } from "vitest";
import type { Identity } from "../../src/http/identity.js";
import { databases } from "../support/databases.js";
import { offlineStandIn, startService, type Harness } from "../support/harness.js";

const COURSES = new URL("../../../courses/", import.meta.url).pathname;
const users = new Map<string, Identity>([
  ["grace", { user: "grace", instructor: true }],
  ["ada", { user: "ada", instructor: false }],
  ["bob", { user: "bob", instructor: false }],
  // A user name a spreadsheet would run as a formula.
  ["evil", { user: "=HYPERLINK(\"http://x\")", instructor: false }],
]);

async function call(h: Harness, as: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${h.base}${path}`, { method, headers: { "x-test-user": as, "content-type": "application/json" }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: response.status, text: await response.text(), type: response.headers.get("content-type") };
}

const item = (name: string, passed: boolean, misconception?: string) => ({ name, passed, message: passed ? "right" : "wrong", ...(misconception ? { misconception } : {}) });
const check = (exercise: string, attempt: number, items: ReturnType<typeof item>[]) => ({
  course: "pk-basics",
  exercise,
  attempt,
  result: { passed: items.every((i) => i.passed), score: items.filter((i) => i.passed).length / items.length, items },
});

/** The exercise ids of a course folder, read from its notebooks' metadata in course.json's order (not through the server). */
function courseIds(dir: string): string[] {
  const course = JSON.parse(readFileSync(join(dir, "course.json"), "utf8")) as { notebooks: { file: string }[] };
  return course.notebooks.flatMap(({ file }) => {
    const nb = JSON.parse(readFileSync(join(dir, file), "utf8")) as { cells: { metadata?: { pmxlab?: { exercise?: { id: string } } } }[] };
    return nb.cells.flatMap((c) => (c.metadata?.pmxlab?.exercise ? [c.metadata.pmxlab.exercise.id] : []));
  });
}

describe.each(databases)("class view on $name", (database) => {
  let h: Harness;
  afterEach(() => h.close());

  it("counts attempts and passes per student and exercise, tutor use, failing items and misconceptions", async () => {
    h = await startService(database, { coursesDir: COURSES }, { offline: offlineStandIn, identity: (r) => users.get(String(r.headers["x-test-user"])), roster: async () => ["ada", "bob", "carl"] });
    expect((await call(h, "grace", "POST", "/releases/pk-basics")).status).toBe(201);
    // ada: two failed half-life checks (ln 2 forgotten), then a pass; one auc pass.
    await call(h, "ada", "POST", "/records/check", check("pk-basics/half-life", 1, [item("ke (1/h)", true), item("half-life (h)", false, "ln 2 forgotten")]));
    await call(h, "ada", "POST", "/records/check", check("pk-basics/half-life", 2, [item("ke (1/h)", true), item("half-life (h)", false, "ln 2 forgotten")]));
    await call(h, "ada", "POST", "/records/check", check("pk-basics/half-life", 3, [item("ke (1/h)", true), item("half-life (h)", true)]));
    await call(h, "ada", "POST", "/records/check", check("pk-basics/auc", 1, [item("AUC (mg·h/L)", true)]));
    // bob: one failed auc check (divided by ke), one failed half-life without a named mistake.
    await call(h, "bob", "POST", "/records/check", check("pk-basics/auc", 1, [item("AUC (mg·h/L)", false, "divided by ke")]));
    await call(h, "bob", "POST", "/records/check", check("pk-basics/half-life", 1, [item("ke (1/h)", false), item("half-life (h)", false)]));
    for (const kind of ["hint", "hint", "question"]) await h.service.records.addExchange({ user: "bob", course: "pk-basics", exercise: "pk-basics/auc", kind, attempt: 1, hintLevel: 1, backend: "offline", latencyMs: 5, question: "?", reply: "…" });

    const view = await call(h, "grace", "GET", "/class/pk-basics");
    expect(view.status).toBe(200);
    const summary = JSON.parse(view.text);
    expect(summary.students).toEqual(["ada", "bob", "carl"]);
    // The exercises of the release, in notebook order: 01-elimination's three first.
    expect(summary.exercises.slice(0, 3)).toEqual(["pk-basics/half-life", "pk-basics/auc", "pk-basics/log-plot"]);
    expect(summary.grid.ada["pk-basics/half-life"]).toEqual({ attempts: 3, passed: true, bestScore: 1 });
    expect(summary.grid.bob["pk-basics/auc"]).toEqual({ attempts: 1, passed: false, bestScore: 0 });
    expect(summary.grid.carl).toBeUndefined();
    expect(summary.tutor.bob).toEqual({ requests: 3, hints: 2 });
    expect(summary.failingItems[0]).toEqual({ exercise: "pk-basics/half-life", item: "half-life (h)", count: 3 });
    expect(summary.misconceptions).toEqual([
      { exercise: "pk-basics/half-life", misconception: "ln 2 forgotten", count: 2 },
      { exercise: "pk-basics/auc", misconception: "divided by ke", count: 1 },
    ]);

    const page = await call(h, "grace", "GET", "/class/pk-basics/page");
    expect(page.type).toMatch(/text\/html/);
    expect(page.text).toContain("ln 2 forgotten");
    expect(page.text).toMatch(/✓ 3 attempts/);
  });

  it("exports a gradebook CSV whose cells no spreadsheet runs as formulas", async () => {
    h = await startService(database, { coursesDir: COURSES }, { offline: offlineStandIn, identity: (r) => users.get(String(r.headers["x-test-user"])), roster: async () => [] });
    await call(h, "evil", "POST", "/records/check", check("pk-basics/auc", 1, [item("AUC (mg·h/L)", true)]));
    await call(h, "ada", "POST", "/records/check", check("pk-basics/auc", 1, [item("AUC (mg·h/L)", false)]));
    const csv = await call(h, "grace", "GET", "/class/pk-basics/grades.csv");
    expect(csv.type).toMatch(/text\/csv/);
    const rows = Papa.parse<string[]>(csv.text.trim()).data;
    // Not released: the columns are the course's exercises.
    const ids = courseIds(`${COURSES}/pk-basics`);
    expect(rows[0]).toEqual(["student", ...ids, "total", "max", "checks", "tutor_requests"]);
    const evil = rows.find((r) => r[0]!.includes("HYPERLINK"))!;
    expect(evil[0]).toBe("'=HYPERLINK(\"http://x\")");
    expect(rows.find((r) => r[0] === "ada")).toEqual(["ada", ...ids.map((id) => (id === "pk-basics/auc" ? "0" : "")), "", "", "1", "0"]);
    // And the page shows the name as text, not markup.
    const page = await call(h, "grace", "GET", "/class/pk-basics/page");
    expect(page.text).toContain("=HYPERLINK(&#34;http://x&#34;)");
  });

  it("before the first release the columns are the course's exercises, or a line says when they come", async () => {
    const courses = mkdtempSync(join(tmpdir(), "pmxlab-class-courses-"));
    try {
      // A course whose course.json lists no notebook with an exercise yet.
      mkdirSync(join(courses, "new-course"));
      writeFileSync(join(courses, "new-course", "course.json"), JSON.stringify({ title: "New", notebooks: [] }));
      h = await startService(database, { coursesDir: courses }, { offline: offlineStandIn, identity: (r) => users.get(String(r.headers["x-test-user"])), roster: async () => ["ada"] });
      expect(JSON.parse((await call(h, "grace", "GET", "/class/new-course")).text).exercises).toEqual([]);
      const empty = await call(h, "grace", "GET", "/class/new-course/page");
      expect(empty.text).toContain("exercise columns appear with the first release");
      await h.close();

      h = await startService(database, { coursesDir: COURSES }, { offline: offlineStandIn, identity: (r) => users.get(String(r.headers["x-test-user"])), roster: async () => ["ada"] });
      const ids = courseIds(`${COURSES}/pk-basics`);
      expect(ids.length).toBeGreaterThan(10);
      expect(JSON.parse((await call(h, "grace", "GET", "/class/pk-basics")).text).exercises).toEqual(ids);
      const before = await call(h, "grace", "GET", "/class/pk-basics/page");
      expect(before.text).toContain("Not released yet");
      // Column heads without the course prefix, the full id on hover; the grid scrolls in its own box.
      expect(before.text).toContain(`<th title="pk-basics/half-life">half-life</th>`);
      expect(before.text).toContain(`<div class="grid-scroll"><table id="grid">`);
      expect((await call(h, "grace", "POST", "/releases/pk-basics")).status).toBe(201);
      const after = await call(h, "grace", "GET", "/class/pk-basics/page");
      expect(after.text).not.toContain('id="columns-note"');
      expect(JSON.parse((await call(h, "grace", "GET", "/class/pk-basics")).text).exercises).toEqual(ids);
    } finally {
      rmSync(courses, { recursive: true, force: true });
    }
  });

  it("students get 403 on every instructor view", async () => {
    h = await startService(database, { coursesDir: COURSES }, { offline: offlineStandIn, identity: (r) => users.get(String(r.headers["x-test-user"])) });
    for (const path of ["/class/pk-basics", "/class/pk-basics/page", "/class/pk-basics/grades.csv"]) expect((await call(h, "ada", "GET", path)).status, path).toBe(403);
  });
});
