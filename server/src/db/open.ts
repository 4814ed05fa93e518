// Opens the server's database: PostgreSQL when a connection string is given, otherwise the
// embedded SQLite file in the data folder; either way migrated to the latest schema.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { migrationProvider, type DatabaseKind } from "./migrations.js";
import type { Database } from "./schema.js";

export interface DatabaseOptions {
  /** `postgresql://…` (PMXLAB_DATABASE_URL); when absent, SQLite at `sqlitePath`. */
  url?: string;
  /** The SQLite file (`:memory:` for a throwaway database). */
  sqlitePath: string;
}

/** An open, migrated database and which engine it is. Close it with `db.destroy()`. */
export interface OpenDatabase {
  db: Kysely<Database>;
  kind: DatabaseKind;
}

/**
 * Opens and migrates the database.
 *
 * @example
 * const { db } = await openDatabase({ sqlitePath: ":memory:" });
 * await db.selectFrom("check_result").selectAll().execute(); // []
 */
export async function openDatabase(options: DatabaseOptions): Promise<OpenDatabase> {
  const kind: DatabaseKind = options.url ? "postgres" : "sqlite";
  const db = new Kysely<Database>({
    dialect:
      kind === "postgres"
        ? new PostgresDialect({ pool: new pg.Pool({ connectionString: options.url, max: 5, connectionTimeoutMillis: 10_000 }) })
        : new SqliteDialect({ database: openSqlite(options.sqlitePath) }),
  });
  const { error, results } = await new Migrator({ db, provider: migrationProvider(kind) }).migrateToLatest();
  if (error) {
    await db.destroy();
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "(before any migration)";
    throw new Error(`database migration ${failed} failed on ${kind}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { db, kind };
}

function openSqlite(path: string): SQLite.Database {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const database = new SQLite(path);
  // WAL lets the instructor view read while the tutor writes.
  if (path !== ":memory:") database.pragma("journal_mode = WAL");
  return database;
}
