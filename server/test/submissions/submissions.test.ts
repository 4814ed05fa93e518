// Submissions are per user; grading runs the real `pmxlab grade` in an isolated child and
// returns each student's per-item feedback to that student only.
import { readdirSync, readFileSync } from "node:fs";
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

  it("takes every course notebook as it is, and refuses what the grader could not read or a nesting past the bound with 400", async () => {
    await start();
    // The repository's notebooks (read only), each submitted whole: nothing of it is dropped.
    const notebooks = readdirSync(COURSES, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(`${COURSES}/${d.name}`).filter((f) => f.endsWith(".ipynb")).map((f) => `${d.name}/${f}`));
    expect(notebooks.length).toBeGreaterThan(20);
    for (const file of notebooks) {
      const content = JSON.parse(readFileSync(`${COURSES}/${file}`, "utf8")) as object;
      const saved = await call(h, "ada", "POST", "/submissions/pk-basics", { notebook: "01-elimination.ipynb", content });
      expect(saved.status, `${file}: ${JSON.stringify(saved.body)}`).toBe(201);
      expect(saved.body.bytes, file).toBe(Buffer.byteLength(JSON.stringify(content)));
    }
    const released = (await releasedNotebook(h, "ada")) as { cells: Record<string, unknown>[]; metadata: object; nbformat: number };
    // A rich output nests a few levels more than the course notebooks do: still a notebook.
    let nested: unknown = { value: 1 };
    for (let i = 0; i < 20; i++) nested = { level: nested };
    const withOutput = { ...released, cells: [...released.cells, { cell_type: "code", source: ["x = 1\n", "x"], metadata: {}, outputs: [{ output_type: "display_data", data: { "application/json": nested }, metadata: {} }], execution_count: 1 }] };
    expect((await call(h, "ada", "POST", "/submissions/pk-basics", { notebook: "01-elimination.ipynb", content: withOutput })).status).toBe(201);

    const refused = async (content: unknown) => {
      const answer = await call(h, "ada", "POST", "/submissions/pk-basics", { notebook: "01-elimination.ipynb", content });
      expect(answer.status, JSON.stringify(content).slice(0, 200)).toBe(400);
      return String(answer.body.error);
    };
    const cell = released.cells[0]!;
    expect(await refused({ cells: [[[]]], metadata: {}, nbformat: 4 })).toMatch(/cells/);
    expect(await refused({ ...released, cells: [{ ...cell, cell_type: "python" }] })).toMatch(/cell_type/);
    expect(await refused({ ...released, cells: [{ ...cell, source: 42 }] })).toMatch(/source/);
    expect(await refused({ ...released, cells: [{ ...cell, source: ["a", 1] }] })).toMatch(/source/);
    const { metadata: _cellMetadata, ...noCellMetadata } = cell;
    expect(await refused({ ...released, cells: [noCellMetadata] })).toMatch(/metadata/);
    // Without the notebook's metadata the grader's runner failed (AttributeError) at grading time.
    const { metadata: _metadata, ...noMetadata } = released;
    expect(await refused(noMetadata)).toMatch(/metadata/);
    // Deep nesting where other keys are allowed: refused before anything walks it.
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(await refused({ ...released, cells: [{ ...cell, metadata: { deep } }] })).toMatch(/nested deeper than 64/);
    expect((await call(h, "ada", "GET", "/submissions/pk-basics")).body).toHaveLength(notebooks.length + 1);
  });

  it("refuses a 4 MB body of nested brackets with 400 at once (it was a 500 from a stack overflow)", async () => {
    await start();
    const depth = 2_000_000;
    const body = `{"notebook":"01-elimination.ipynb","content":{"cells":[${"[".repeat(depth)}${"]".repeat(depth)}],"metadata":{},"nbformat":4}}`;
    const started = performance.now();
    const response = await fetch(`${h.base}/submissions/pk-basics`, { method: "POST", headers: { "x-test-user": "ada", "content-type": "application/json" }, body });
    const answer = (await response.json()) as { error: string };
    expect(response.status, answer.error).toBe(400);
    expect(answer.error).toMatch(/nested deeper than 64 levels/);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(h.logs.join("")).not.toMatch(/Maximum call stack/);
  });

  it("limits each user's submissions per minute with 429 and Retry-After", async () => {
    h = await startService(database, { coursesDir: COURSES, submitRatePerMinute: 2 }, { offline: offlineStandIn, identity: (r) => users.get(String(r.headers["x-test-user"])) });
    expect((await call(h, "grace", "POST", "/releases/pk-basics")).status).toBe(201);
    const released = await releasedNotebook(h, "ada");
    const submit = (as: string) => fetch(`${h.base}/submissions/pk-basics`, { method: "POST", headers: { "x-test-user": as, "content-type": "application/json" }, body: JSON.stringify({ notebook: "01-elimination.ipynb", content: released }) });
    expect((await submit("ada")).status).toBe(201);
    expect((await submit("ada")).status).toBe(201);
    const third = await submit("ada");
    expect(third.status).toBe(429);
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await third.json()) as { error: string }).error).toMatch(/too many submissions/);
    // Another user's budget is their own; reading is not limited.
    expect((await submit("bob")).status).toBe(201);
    expect((await call(h, "ada", "GET", "/submissions/pk-basics")).body).toHaveLength(2);
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
