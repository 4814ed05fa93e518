// PostgreSQL ends an idle connection (a restart, an administrator, a proxy's idle time-out):
// the service logs it and the next query opens a new connection. pg's pool emits such an
// error on itself, and an EventEmitter with no listener throws it — which ended the process.
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { databases } from "../support/databases.js";
import { startService, type Harness } from "../support/harness.js";

const postgres = databases.find((d) => d.name === "postgres");

describe.runIf(postgres)("an idle PostgreSQL connection ended by the server", () => {
  let harness: Harness;
  let database = "";
  beforeEach(async () => {
    const create = async () => {
      const created = await postgres!.create();
      database = new URL(created.url!).pathname.slice(1);
      return created;
    };
    harness = await startService({ ...postgres!, create }, {});
  });
  afterEach(() => harness.close());

  it("is logged, does not end the process, and the next request is answered", async () => {
    const record = { course: "pk-basics", exercise: "pk-basics/auc", attempt: 1, result: { passed: true, score: 1, items: [{ name: "AUC (mg·h/L)", passed: true, message: "right" }] } };
    const post = () => fetch(`${harness.base}/records/check`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(record) });
    expect((await post()).status).toBe(201); // the pool now holds an idle connection
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => void uncaught.push(error);
    process.prependListener("uncaughtException", onUncaught);
    try {
      const ended = await admin(`select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity where datname = '${database}' and pid <> pg_backend_pid()) t`);
      expect(ended).toBeGreaterThan(0);
      await expect.poll(() => harness.logs.some((l) => /database connection lost/.test(l)), { timeout: 5_000 }).toBe(true);
      expect((await post()).status).toBe(201);
    } finally {
      process.removeListener("uncaughtException", onUncaught);
    }
    expect(uncaught).toEqual([]);
  });
});

async function admin(sql: string): Promise<number> {
  const client = new pg.Client({ connectionString: process.env.PMXLAB_TEST_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql)).rows[0].n;
  } finally {
    await client.end();
  }
}
