// Records and course settings through the one query layer, on SQLite and PostgreSQL.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Migrator } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type OpenDatabase } from "../../src/db/index.js";
import { migrationProvider } from "../../src/db/migrations.js";
import { Records } from "../../src/records/index.js";
import { CourseSettingsStore } from "../../src/settings/index.js";
import { databases } from "../support/databases.js";

describe.each(databases)("records on $name", (database) => {
  let open: OpenDatabase;
  let dir: string;
  let drop: () => Promise<void>;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "pmxlab-db-test-"));
    const created = await database.create();
    drop = created.drop;
    open = await openDatabase({ ...(created.url ? { url: created.url } : {}), sqlitePath: join(dir, "nested", "pmxlab.sqlite") });
  });
  afterEach(async () => {
    await open.db.destroy();
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const exchange = { user: "ada", course: "pk-basics", exercise: "pk-basics/auc", kind: "hint", attempt: 3, hintLevel: 1, backend: "openai:m", latencyMs: 812.4, question: "why?", reply: "Because." };

  it("is the engine asked for", () => {
    expect(open.kind).toBe(database.name);
  });

  it("keeps a tutor exchange with every field, text included", async () => {
    await new Records(open.db, true, () => new Date("2026-01-02T03:04:05Z")).addExchange({ ...exchange, tokens: { prompt: 120, completion: 30 }, notice: "fallback" });
    const [row] = await new Records(open.db, true).exchanges("ada", "pk-basics", "pk-basics/auc");
    expect(row).toMatchObject({
      at: "2026-01-02T03:04:05.000Z",
      user_id: "ada",
      kind: "hint",
      attempt: 3,
      hint_level: 1,
      backend: "openai:m",
      notice: "fallback",
      prompt_tokens: 120,
      completion_tokens: 30,
      latency_ms: 812,
      question: "why?",
      reply: "Because.",
    });
  });

  it("drops the message text when recording text is off, and keeps the rest", async () => {
    await new Records(open.db, false).addExchange(exchange);
    const [row] = await new Records(open.db, false).exchanges("ada", "pk-basics");
    expect(row).toMatchObject({ question: null, reply: null, backend: "openai:m", latency_ms: 812 });
  });

  it("keeps check results with their items, per user", async () => {
    const records = new Records(open.db, true);
    const items = [{ name: "auc (mg·h/L)", passed: false, message: "a unit error", misconception: "unit error" }];
    await records.addCheck({ user: "ada", course: "pk-basics", exercise: "pk-basics/auc", attempt: 1, result: { passed: false, score: 0, items }, latencyMs: 40 });
    await records.addCheck({ user: "ada", course: "pk-basics", exercise: "pk-basics/auc", attempt: 2, result: { passed: true, score: 1, items: [] } });
    await records.addCheck({ user: "bob", course: "pk-basics", exercise: "pk-basics/auc", attempt: 1, result: { passed: true, score: 1, items: [] } });
    const rows = await records.checks("ada", "pk-basics", "pk-basics/auc");
    expect(rows.map((r) => [r.attempt, r.passed, r.score])).toEqual([
      [1, false, 0],
      [2, true, 1],
    ]);
    expect(rows[0]!.items).toEqual(items);
    expect(rows[1]!.latency_ms).toBeNull();
  });

  it("counts the hints given to one user on one exercise", async () => {
    const records = new Records(open.db, true);
    await records.addExchange(exchange);
    await records.addExchange(exchange);
    await records.addExchange({ ...exchange, kind: "question" });
    await records.addExchange({ ...exchange, user: "bob" });
    expect(await records.hintsGiven("ada", "pk-basics", "pk-basics/auc")).toBe(2);
    expect(await records.hintsGiven("ada", "pk-basics", "pk-basics/half-life")).toBe(0);
  });

  it("keeps course settings: defaults, then an update that leaves other fields as they were", async () => {
    const store = new CourseSettingsStore(open.db);
    expect(await store.get("pk-basics")).toEqual({ course: "pk-basics", tutorOff: false, hintBudgets: {} });
    await store.update("pk-basics", { tutorOff: true, model: "gpt-x", hintBudgets: { "pk-basics/auc": 2 } });
    const after = await store.update("pk-basics", { tutorOff: false });
    expect({ ...after, hintBudgets: { ...after.hintBudgets } }).toEqual({ course: "pk-basics", tutorOff: false, model: "gpt-x", hintBudgets: { "pk-basics/auc": 2 } });
    expect(Object.getPrototypeOf(after.hintBudgets)).toBeNull();
  });

  it("migrating again is a no-op (the server restarts on the same database)", async () => {
    await new Records(open.db, true).addExchange(exchange);
    const again = await new Migrator({ db: open.db, provider: migrationProvider(open.kind) }).migrateToLatest();
    expect(again.error).toBeUndefined();
    expect(again.results).toEqual([]);
    expect(await new Records(open.db, true).exchanges("ada", "pk-basics")).toHaveLength(1);
  });
});
