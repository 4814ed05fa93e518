// Grading jobs live in the class database: a restart of the service keeps how the last
// grading of a course ended, and a job the stop cut short says so (its grades are not
// half-written: pmxlab grade's output is stored only when a job finishes).
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import type { ServerConfig } from "../../src/config.js";
import { openDatabase } from "../../src/db/index.js";
import type { Identity } from "../../src/http/identity.js";
import { createService } from "../../src/service.js";
import { GradeStore, GradingJobStore } from "../../src/submissions/index.js";
import { databases } from "../support/databases.js";
import { offlineStandIn } from "../support/harness.js";

const COURSES = new URL("../../../courses/", import.meta.url).pathname;
const users = new Map<string, Identity>([
  ["grace", { user: "grace", instructor: true }],
  ["ada", { user: "ada", instructor: false }],
]);

describe.each(databases)("grading jobs across restarts on $name", (database) => {
  let dataDir: string;
  let url: string | undefined;
  let drop: () => Promise<void>;
  let service: Awaited<ReturnType<typeof createService>> | undefined;
  let base = "";
  let logs: string[] = [];

  const config = (): ServerConfig => ({ dataDir, recordText: true, logStudentCode: false, tutorRatePerMinute: 100, checkRatePerMinute: 1000, submitRatePerMinute: 1000, coursesDir: COURSES, ...(url ? { databaseUrl: url } : {}) });

  /** Starts the service on the one database of the test (again after a stop: a restart). */
  async function start(): Promise<void> {
    logs = [];
    const logDestination = new Writable({
      write(chunk, _encoding, done) {
        logs.push(String(chunk));
        done();
      },
    });
    service = await createService(config(), { offline: offlineStandIn, logDestination, identity: (r) => users.get(String(r.headers["x-test-user"])) });
    await new Promise<void>((resolve) => service!.server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(service.server.address() as AddressInfo).port}`;
  }

  async function stop(): Promise<void> {
    await service?.close();
    service = undefined;
  }

  async function call(as: string, method: string, path: string) {
    const response = await fetch(`${base}${path}`, { method, headers: { "x-test-user": as } });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  /** The database as a previous run of the service left it (the stores, without the service). */
  async function previousRun(write: (grades: GradeStore, jobs: GradingJobStore) => Promise<void>): Promise<void> {
    const { db } = await openDatabase({ ...(url ? { url } : {}), sqlitePath: join(dataDir, "pmxlab.sqlite") });
    try {
      await write(new GradeStore(db), new GradingJobStore(db));
    } finally {
      await db.destroy();
    }
  }

  const setUp = async () => {
    dataDir = mkdtempSync(join(tmpdir(), "pmxlab-grading-jobs-"));
    const created = await database.create();
    url = created.url;
    drop = created.drop;
  };

  afterEach(async () => {
    await stop();
    await drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("a finished job's status is read back after a restart", async () => {
    await setUp();
    await start();
    expect((await call("grace", "GET", "/grading/pk-basics")).status).toBe(404);
    // Nobody submitted: the job fails at once, with the reason.
    const posted = await call("grace", "POST", "/grading/pk-basics");
    expect(posted.status).toBe(202);
    expect(posted.body).toMatchObject({ course: "pk-basics", status: "running", by: "grace" });
    await service!.grading.idle();
    const before = await call("grace", "GET", "/grading/pk-basics");
    expect(before.body).toMatchObject({ job: posted.body.job, status: "failed", error: "no submissions of pk-basics to grade" });

    await stop();
    await start();
    const after = await call("grace", "GET", "/grading/pk-basics");
    expect(after.status).toBe(200);
    expect(after.body).toEqual(before.body);
    expect(typeof after.body.finished).toBe("string");
    expect(Date.parse(String(after.body.finished))).toBeGreaterThanOrEqual(Date.parse(String(after.body.started)));
    // Still an instructor's: a student is refused.
    expect((await call("ada", "GET", "/grading/pk-basics")).status).toBe(403);
  });

  it("a job running when the service stopped is failed as interrupted at the next start; stored grades stay", async () => {
    await setUp();
    // An earlier grading stored ada's grade; a later one was running when the service stopped.
    // Another course's finished job is not touched.
    await previousRun(async (grades, jobs) => {
      await grades.save("job-1", "pk-basics", [{ user: "ada", total: 5, max: 51, notes: "", exercises: [], markdown: "# ada\n" }]);
      await jobs.add({ job: "job-1", course: "pk-basics", status: "done", by: "grace", started: "2026-01-01T09:00:00.000Z", finished: "2026-01-01T09:01:00.000Z", students: 1 });
      await jobs.add({ job: "job-2", course: "pk-basics", status: "running", by: "grace", started: "2026-01-02T09:00:00.000Z", students: 2 });
      await jobs.add({ job: "job-3", course: "pharmacodynamics", status: "done", by: "grace", started: "2026-01-02T08:00:00.000Z", finished: "2026-01-02T08:05:00.000Z", students: 3 });
    });
    await start();
    const job = await call("grace", "GET", "/grading/pk-basics");
    expect(job.status).toBe(200);
    expect(job.body).toMatchObject({ job: "job-2", status: "failed", students: 2, started: "2026-01-02T09:00:00.000Z" });
    expect(job.body.error).toMatch(/^interrupted: the class service stopped while this grading ran.*grade again$/);
    expect(Date.parse(String(job.body.finished))).toBeGreaterThan(Date.parse("2026-01-02T09:00:00.000Z"));
    expect(logs.some((line) => line.includes("grading interrupted by a stop of the service") && line.includes("job-2"))).toBe(true);
    expect((await call("grace", "GET", "/grading/pharmacodynamics")).body).toEqual({
      job: "job-3",
      course: "pharmacodynamics",
      status: "done",
      by: "grace",
      started: "2026-01-02T08:00:00.000Z",
      finished: "2026-01-02T08:05:00.000Z",
      students: 3,
    });
    // The grade of the earlier job is still the student's feedback.
    const feedback = await call("ada", "GET", "/feedback/pk-basics");
    expect(feedback.body).toMatchObject({ user: "ada", job: "job-1", total: 5, max: 51 });
    // The interrupted job does not block a new grading.
    expect((await call("grace", "POST", "/grading/pk-basics")).status).toBe(202);
    await service!.grading.idle();
  });
});
