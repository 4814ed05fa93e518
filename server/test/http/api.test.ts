// The HTTP API's rules: validation, identity, instructor settings enforced on the server,
// per-user rate limits, check records; on SQLite and PostgreSQL.
import { afterEach, describe, expect, it } from "vitest";
import type { Identity } from "../../src/http/identity.js";
import { databases } from "../support/databases.js";
import { askTutor, offlineStandIn, startService, type Harness } from "../support/harness.js";

// The repository's courses, read only: the instructor versions whose exercise ids the service knows.
const COURSES = new URL("../../../courses/", import.meta.url).pathname;

const ask = (kind: string, exercise = "pk-basics/auc") => ({
  course: "pk-basics",
  request: { kind, question: "?", exercise: { id: exercise, text: "AUC of 100 mg IV", hints: [] }, hintLevel: 0, history: [] },
});

async function call(h: Harness, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${h.base}${path}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, headers: response.headers };
}

describe.each(databases)("HTTP API on $name", (database) => {
  let h: Harness;
  afterEach(() => h.close());

  it("reports health with the database and the backend", async () => {
    h = await startService(database, {}, { offline: offlineStandIn });
    expect((await call(h, "GET", "/health")).body).toEqual({ status: "ok", database: database.name, llm: "offline" });
  });

  it("refuses invalid bodies with one message naming the field", async () => {
    h = await startService(database, {}, { offline: offlineStandIn });
    const bad = await call(h, "POST", "/tutor", { course: "pk-basics", request: { kind: "sing", question: "?", hintLevel: 0, history: [] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/request\.kind/);
    expect((await call(h, "POST", "/records/check", "{not json")).status).toBe(400);
    expect((await call(h, "POST", "/tutor", ask("hint"), { "content-type": "text/plain" })).status).toBe(415);
    const huge = await call(h, "POST", "/tutor", { ...ask("question"), pad: "x".repeat(600 * 1024) });
    expect(huge.status).toBe(413);
  });

  it("answers 503 when no backend is configured", async () => {
    h = await startService(database, {});
    expect((await askTutor(h.base, ask("hint"))).status).toBe(503);
  });

  it("exam mode turns the tutor off for the course, and only for it", async () => {
    h = await startService(database, {}, { offline: offlineStandIn });
    expect((await call(h, "PUT", "/settings/pk-basics", { tutorOff: true })).body).toMatchObject({ tutorOff: true });
    const refused = await askTutor(h.base, ask("hint"));
    expect(refused.status).toBe(403);
    expect(refused.refused).toMatch(/exam mode/);
    // Another course's exercises are answered; this course's exercise under another course name is refused.
    expect((await askTutor(h.base, { ...ask("hint", "other/auc"), course: "other" })).reply?.backend).toBe("offline");
    for (const course of ["other", "PK-BASICS", "pk-basics."]) {
      const renamed = await askTutor(h.base, { ...ask("hint"), course });
      expect(renamed.status, course).toBe(400);
      expect(renamed.refused).toContain(`is not an exercise of course ${course}`);
    }
  });

  it("holds exercise ids to the course's own exercises, so a renamed id escapes no budget, guard or column", async () => {
    h = await startService(database, { coursesDir: COURSES }, { offline: offlineStandIn });
    await call(h, "PUT", "/settings/pk-basics", { hintBudgets: { "pk-basics/auc": 1 } });
    expect((await askTutor(h.base, ask("hint"))).status).toBe(200);
    expect((await askTutor(h.base, ask("hint"))).status).toBe(403);
    for (const id of ["pk-basics//auc", "pk-basics/auc2", "pk-basics/AUC"]) {
      const renamed = await askTutor(h.base, ask("hint", id));
      expect(renamed.status, id).toBe(400);
      expect(renamed.refused).toBe(`course pk-basics has no exercise ${id}`);
    }
    for (const id of ["PK-basics/auc", "pk-basics/auc ", "__proto__"]) expect((await askTutor(h.base, ask("hint", id))).status, id).toBe(400);
    // The same rule for Check records and for the budgets an instructor sets.
    const record = (exercise: string) => ({ course: "pk-basics", exercise, attempt: 1, result: { passed: true, score: 1, items: [] } });
    expect((await call(h, "POST", "/records/check", record("pk-basics/half-life"))).status).toBe(201);
    for (const id of ["student", "total", "__proto__", "pk-basics/nope"]) expect((await call(h, "POST", "/records/check", record(id))).status, id).toBe(400);
    for (const id of ["__proto__", "constructor", "pk-basics/nope"]) {
      expect((await call(h, "PUT", "/settings/pk-basics", { hintBudgets: { [id]: 1 } })).status, id).toBe(400);
    }
    // A course the folder does not have (a student's own notebook) keeps its own prefix only.
    expect((await askTutor(h.base, { ...ask("question", "my-notes/q1"), course: "my-notes" })).status).toBe(200);
  });

  it("refuses a path with a malformed percent-escape with 400, not 500", async () => {
    h = await startService(database, {}, { offline: offlineStandIn });
    const bad = await call(h, "GET", "/settings/%E0%A4%A");
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe("invalid percent-encoding in the course id: %E0%A4%A");
  });

  it("a hint budget counts the hints the server gave, whatever hint level the browser claims", async () => {
    h = await startService(database, {}, { offline: offlineStandIn });
    await call(h, "PUT", "/settings/pk-basics", { hintBudgets: { "pk-basics/auc": 2 } });
    expect((await askTutor(h.base, ask("hint"))).status).toBe(200);
    expect((await askTutor(h.base, ask("hint"))).status).toBe(200);
    const third = await askTutor(h.base, ask("hint"));
    expect(third.status).toBe(403);
    expect(third.refused).toMatch(/all 2 hints/);
    expect((await askTutor(h.base, ask("question"))).status).toBe(200); // questions are not hints
    expect((await askTutor(h.base, ask("hint", "pk-basics/half-life"))).status).toBe(200); // no budget there
  });

  it("only an instructor changes settings; a request without a user is refused", async () => {
    const users = new Map<string, Identity>([
      ["student-token", { user: "ada", instructor: false }],
      ["teacher-token", { user: "grace", instructor: true }],
    ]);
    h = await startService(database, {}, { offline: offlineStandIn, identity: (req) => users.get(String(req.headers["x-test-token"])) });
    expect((await call(h, "GET", "/settings/pk-basics")).status).toBe(401);
    expect((await call(h, "PUT", "/settings/pk-basics", { tutorOff: true }, { "x-test-token": "student-token" })).status).toBe(403);
    expect((await call(h, "PUT", "/settings/pk-basics", { model: "m-1" }, { "x-test-token": "teacher-token" })).body).toMatchObject({ model: "m-1" });
    expect((await call(h, "GET", "/settings/pk-basics", undefined, { "x-test-token": "student-token" })).body).toMatchObject({ model: "m-1", tutorOff: false });
  });

  it("rate-limits tutor requests per user", async () => {
    h = await startService(database, { tutorRatePerMinute: 2 }, { offline: offlineStandIn });
    expect((await askTutor(h.base, ask("question"))).status).toBe(200);
    expect((await askTutor(h.base, ask("question"))).status).toBe(200);
    const third = await fetch(`${h.base}/tutor`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(ask("question")) });
    expect(third.status).toBe(429);
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("rate-limits check records per user", async () => {
    h = await startService(database, { checkRatePerMinute: 2 }, { offline: offlineStandIn, identity: (req) => ({ user: String(req.headers["x-test-user"]), instructor: false }) });
    const record = (user: string) => call(h, "POST", "/records/check", { course: "pk-basics", exercise: "pk-basics/half-life", attempt: 1, result: { passed: true, score: 1, items: [] } }, { "x-test-user": user });
    expect((await record("ada")).status).toBe(201);
    expect((await record("ada")).status).toBe(201);
    const third = await record("ada");
    expect(third.status).toBe(429);
    expect(third.body.error).toMatch(/too many check records/);
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await record("bob")).status).toBe(201);
    expect(await h.service.records.checks("ada", "pk-basics", "pk-basics/half-life")).toHaveLength(2);
    // The tutor's budget is another one.
    expect((await askTutor(h.base, ask("question"))).status).not.toBe(429);
  });

  it("refuses a body nested deeper than 64 levels with 400; brackets inside strings do not count", async () => {
    h = await startService(database, {}, { offline: offlineStandIn, identity: () => ({ user: "ada", instructor: false }) });
    const message = '[{"quoted \\"[" ' + "[".repeat(200);
    const result = { passed: false, score: 0, items: [{ name: "n", passed: false, message }] };
    expect((await call(h, "POST", "/records/check", { course: "pk-basics", exercise: "pk-basics/half-life", attempt: 1, result })).status).toBe(201);
    let deep: unknown = [];
    for (let i = 0; i < 70; i++) deep = [deep];
    const refused = await call(h, "POST", "/records/check", { course: "pk-basics", exercise: "pk-basics/half-life", attempt: 1, result: { ...result, items: deep } });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe("the body is nested deeper than 64 levels of arrays and objects");
  });

  it("records a Check result posted by the extension", async () => {
    h = await startService(database, {}, { offline: offlineStandIn, identity: () => ({ user: "ada", instructor: false }) });
    const result = { passed: false, score: 0.5, items: [{ name: "ke (1/h)", passed: true, message: "right" }, { name: "half-life (h)", passed: false, message: "ln 2 forgotten" }] };
    expect((await call(h, "POST", "/records/check", { course: "pk-basics", exercise: "pk-basics/half-life", attempt: 4, result, latencyMs: 120 })).status).toBe(201);
    const [row] = await h.service.records.checks("ada", "pk-basics", "pk-basics/half-life");
    expect(row).toMatchObject({ attempt: 4, passed: false, score: 0.5, latency_ms: 120, items: result.items });
  });
});
