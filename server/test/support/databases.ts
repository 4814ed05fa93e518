// The databases every server test runs on: SQLite always, PostgreSQL when
// PMXLAB_TEST_DATABASE_URL names a server (scripts/test.sh starts one with
// scripts/ensure-postgres.sh and sets PMXLAB_REQUIRE_POSTGRES=1, so CI fails rather than skips).
import { randomUUID } from "node:crypto";
import pg from "pg";

export interface TestDatabase {
  name: "sqlite" | "postgres";
  /** A fresh, empty database: its URL (PostgreSQL) or undefined (SQLite in the test's folder), and how to drop it. */
  create(): Promise<{ url?: string; drop(): Promise<void> }>;
}

const url = process.env.PMXLAB_TEST_DATABASE_URL;
if (!url && process.env.PMXLAB_REQUIRE_POSTGRES === "1") {
  throw new Error("PMXLAB_REQUIRE_POSTGRES=1 but PMXLAB_TEST_DATABASE_URL is not set: run scripts/ensure-postgres.sh (scripts/test.sh does)");
}

export const postgresMissing = url === undefined;

export const databases: TestDatabase[] = [
  { name: "sqlite", create: async () => ({ drop: async () => {} }) },
  ...(url
    ? [
        {
          name: "postgres" as const,
          async create() {
            const name = `pmxlab_t_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
            await admin(url, `create database ${name}`);
            const u = new URL(url);
            u.pathname = `/${name}`;
            return { url: u.toString(), drop: () => admin(url, `drop database ${name} with (force)`) };
          },
        },
      ]
    : []),
];

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
