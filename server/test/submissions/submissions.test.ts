// Submissions are per user; grading runs the real `pmxlab grade` in an isolated child and
// returns each student's per-item feedback to that student only.
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import type { Identity } from "../../src/http/identity.js";
import { databases } from "../support/databases.js";
import { offlineStandIn, startService, type Harness } from "../support/harness.js";

const COURSES = new URL("../../../courses/", import.meta.url).pathname;
const users = new Map<string, Identity>([
  ["grace", { user: "grace", instructor: true }],
  ["ada", { user: "ada", instructor: false }],
  ["bob", { user: "bob", instructor: false }],
]);

async function call(h: Harness, as: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${h.base}${path}`, { method, headers: { "x-test-user": as, "content-type": "application/json" }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** The student version of 01-elimination as the service serves it. */
async function releasedNotebook(h: Harness, as: string): Promise<object> {
  const response = await fetch(`${h.base}/releases/pk-basics/files/01-elimination.ipynb`, { headers: { "x-test-user": as } });
  return JSON.parse(await response.text()) as object;
}

/** The points of the exercises of a notebook, read from its metadata (not from the grader). */
function notebookPoints(file: string): Map<string, number> {
  const nb = JSON.parse(readFileSync(file, "utf8")) as { cells: { metadata?: { pmxlab?: { exercise?: { id: string; points: number } } } }[] };
  return new Map(nb.cells.flatMap((c) => (c.metadata?.pmxlab?.exercise ? [[c.metadata.pmxlab.exercise.id, c.metadata.pmxlab.exercise.points] as [string, number]] : [])));
}

describe.each(databases)("submissions and grading on $name", (database) => {
  let h: Harness;
  afterEach(() => h.close());

  const start = async () => {
    h = await startService(database, { coursesDir: COURSES }, { offline: offlineStandIn, identity: (r) => users.get(String(r.headers["x-test-user"])), grading: { jobs: 2, cellTimeoutS: 120 } });
    expect((await call(h, "grace", "POST", "/releases/pk-basics")).status).toBe(201);
  };

  it("a student submits and reads only their own submissions", async () => {
    await start();
    const released = await releasedNotebook(h, "ada");
    const saved = await call(h, "ada", "POST", "/submissions/pk-basics", { notebook: "01-elimination.ipynb", content: released });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ course: "pk-basics", notebook: "01-elimination.ipynb" });
    expect((await call(h, "ada", "GET", "/submissions/pk-basics")).body).toHaveLength(1);
    expect((await call(h, "bob", "GET", "/submissions/pk-basics")).body).toEqual([]);
    // bob cannot name ada; the instructor can.
    expect((await call(h, "bob", "GET", "/submissions/pk-basics?user=ada")).status).toBe(403);
    expect((await call(h, "grace", "GET", "/submissions/pk-basics?user=ada")).body).toHaveLength(1);
    // Only notebooks of the release, by their release name.
    expect((await call(h, "ada", "POST", "/submissions/pk-basics", { notebook: "../../etc/passwd.ipynb", content: released })).status).toBe(400);
    expect((await call(h, "ada", "POST", "/submissions/pk-basics", { notebook: "checks.ts", content: released })).status).toBe(400);
    expect((await call(h, "ada", "POST", "/submissions/pk-basics", { notebook: "01-elimination.ipynb", content: { not: "a notebook" } })).status).toBe(400);
    expect((await call(h, "ada", "POST", "/grading/pk-basics")).status).toBe(403);
  });

  it(
    "grades the class with pmxlab grade and gives each student their per-item feedback",
    async () => {
      await start();
      const solved = JSON.parse(readFileSync(`${COURSES}/pk-basics/01-elimination.ipynb`, "utf8")) as object; // the instructor's solutions
      const stub = await releasedNotebook(h, "bob");
      expect((await call(h, "ada", "POST", "/submissions/pk-basics", { notebook: "01-elimination.ipynb", content: solved })).status).toBe(201);
      expect((await call(h, "bob", "POST", "/submissions/pk-basics", { notebook: "01-elimination.ipynb", content: stub })).status).toBe(201);

      const job = await call(h, "grace", "POST", "/grading/pk-basics");
      expect(job.status).toBe(202);
      expect((await call(h, "grace", "POST", "/grading/pk-basics")).status).toBe(409); // one at a time
      await h.service.grading.idle();
      const done = await call(h, "grace", "GET", "/grading/pk-basics");
      expect(done.body, JSON.stringify(done.body)).toMatchObject({ status: "done", students: 2 });

      // Expected points from the notebook's own metadata: ada earns all of 01-elimination's, bob none.
      const points = notebookPoints(`${COURSES}/pk-basics/01-elimination.ipynb`);
      const earned = [...points.values()].reduce((a, b) => a + b, 0);
      const ada = await call(h, "ada", "GET", "/feedback/pk-basics");
      expect(ada.status).toBe(200);
      expect(ada.body.total).toBe(earned);
      const halfLife = ada.body.exercises.find((e: { id: string }) => e.id === "pk-basics/half-life");
      expect(halfLife).toMatchObject({ points: points.get("pk-basics/half-life"), max: points.get("pk-basics/half-life") });
      expect(halfLife.items.length).toBeGreaterThan(0);
      expect(halfLife.items.every((i: { passed: boolean }) => i.passed)).toBe(true);
      const bob = await call(h, "bob", "GET", "/feedback/pk-basics");
      expect(bob.body.total).toBe(0);
      expect(bob.body.exercises.find((e: { id: string }) => e.id === "pk-basics/half-life").items.some((i: { passed: boolean }) => !i.passed)).toBe(true);
      // Feedback is the student's own: bob cannot read ada's; the instructor can.
      expect((await call(h, "bob", "GET", "/feedback/pk-basics?user=ada")).status).toBe(403);
      expect((await call(h, "grace", "GET", "/feedback/pk-basics?user=ada")).body.total).toBe(earned);
      // The gradebook carries the graded points.
      const csv = await (await fetch(`${h.base}/class/pk-basics/grades.csv`, { headers: { "x-test-user": "grace" } })).text();
      expect(csv.split("\r\n").find((l) => l.startsWith("ada,"))).toContain(`,${earned},`);
    },
    600_000,
  );
});
