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
  /**
   * Called when PostgreSQL ends a connection the pool holds idle (a restart, an administrator,
   * a proxy's idle time-out). The pool drops it and opens a new one on the next query; without
   * a listener pg's pool would throw the error and end the process.
   */
  onConnectionLost?: (error: Error) => void;
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
    dialect: options.url ? new PostgresDialect({ pool: openPool(options.url, options.onConnectionLost) }) : new SqliteDialect({ database: openSqlite(options.sqlitePath) }),
  });
  const { error, results } = await new Migrator({ db, provider: migrationProvider(kind) }).migrateToLatest();
  if (error) {
    await db.destroy();
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "(before any migration)";
    throw new Error(`database migration ${failed} failed on ${kind}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { db, kind };
}

function openPool(url: string, onConnectionLost: (error: Error) => void = () => {}): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 5, connectionTimeoutMillis: 10_000 });
  pool.on("error", onConnectionLost);
  return pool;
}

function openSqlite(path: string): SQLite.Database {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const database = new SQLite(path);
  // WAL lets the instructor view read while the tutor writes.
  if (path !== ":memory:") database.pragma("journal_mode = WAL");
  return database;
}
