// Schema migrations, applied in name order by Kysely's Migrator (which records them in
// kysely_migration). Written with the schema builder only, so they run on SQLite and PostgreSQL.
import { type ColumnDefinitionBuilder, type Kysely, type Migration, type MigrationProvider } from "kysely";

/** The two database engines the server runs on. */
export type DatabaseKind = "sqlite" | "postgres";

// An auto-numbered key is spelt differently: SQLite's INTEGER PRIMARY KEY is the rowid,
// PostgreSQL needs an identity column.
function autoKey(kind: DatabaseKind) {
  return (c: ColumnDefinitionBuilder) => (kind === "sqlite" ? c.primaryKey() : c.primaryKey().generatedByDefaultAsIdentity());
}

const migrations = (kind: DatabaseKind): Record<string, Migration> => ({
  "0001-records-and-settings": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("tutor_exchange")
        .addColumn("id", "integer", autoKey(kind))
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("user_id", "text", (c) => c.notNull())
        .addColumn("course", "text", (c) => c.notNull())
        .addColumn("exercise", "text")
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("attempt", "integer", (c) => c.notNull())
        .addColumn("hint_level", "integer", (c) => c.notNull())
        .addColumn("backend", "text", (c) => c.notNull())
        .addColumn("notice", "text")
        .addColumn("prompt_tokens", "integer")
        .addColumn("completion_tokens", "integer")
        .addColumn("latency_ms", "integer", (c) => c.notNull())
        .addColumn("question", "text")
        .addColumn("reply", "text")
        .execute();
      await db.schema.createIndex("tutor_exchange_user_exercise").on("tutor_exchange").columns(["user_id", "course", "exercise"]).execute();
      await db.schema
        .createTable("check_result")
        .addColumn("id", "integer", autoKey(kind))
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("user_id", "text", (c) => c.notNull())
        .addColumn("course", "text", (c) => c.notNull())
        .addColumn("exercise", "text", (c) => c.notNull())
        .addColumn("attempt", "integer", (c) => c.notNull())
        .addColumn("passed", "integer", (c) => c.notNull())
        .addColumn("score", "real", (c) => c.notNull())
        .addColumn("items", "text", (c) => c.notNull())
        .addColumn("latency_ms", "integer")
        .execute();
      await db.schema.createIndex("check_result_user_exercise").on("check_result").columns(["user_id", "course", "exercise"]).execute();
      await db.schema
        .createTable("course_settings")
        .addColumn("course", "text", (c) => c.primaryKey())
        .addColumn("tutor_off", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("model", "text")
        .addColumn("hint_budgets", "text", (c) => c.notNull().defaultTo("{}"))
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("course_settings").execute();
      await db.schema.dropTable("check_result").execute();
      await db.schema.dropTable("tutor_exchange").execute();
    },
  },
  "0002-class-hub": {
    // The class on a hub: published course releases (their files, student versions),
    // students' submissions, and grades with per-item feedback.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("course_release")
        .addColumn("id", "integer", autoKey(kind))
        .addColumn("course", "text", (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("by_user", "text", (c) => c.notNull())
        .addUniqueConstraint("course_release_course_version", ["course", "version"])
        .execute();
      await db.schema
        .createTable("release_file")
        .addColumn("release_id", "integer", (c) => c.notNull())
        .addColumn("path", "text", (c) => c.notNull())
        .addColumn("sha256", "text", (c) => c.notNull())
        .addColumn("bytes", "integer", (c) => c.notNull())
        .addColumn("content", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("release_file_key", ["release_id", "path"])
        .execute();
      await db.schema
        .createTable("submission")
        .addColumn("id", "integer", autoKey(kind))
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("user_id", "text", (c) => c.notNull())
        .addColumn("course", "text", (c) => c.notNull())
        .addColumn("notebook", "text", (c) => c.notNull())
        .addColumn("content", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("submission_course_user").on("submission").columns(["course", "user_id", "notebook"]).execute();
      await db.schema
        .createTable("grade")
        .addColumn("id", "integer", autoKey(kind))
        .addColumn("job", "text", (c) => c.notNull())
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("user_id", "text", (c) => c.notNull())
        .addColumn("course", "text", (c) => c.notNull())
        .addColumn("total", "real", (c) => c.notNull())
        .addColumn("max", "real", (c) => c.notNull())
        .addColumn("notes", "text", (c) => c.notNull())
        .addColumn("exercises", "text", (c) => c.notNull())
        .addColumn("markdown", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("grade_course_user").on("grade").columns(["course", "user_id"]).execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ["grade", "submission", "release_file", "course_release"]) await db.schema.dropTable(table).execute();
    },
  },
  "0003-grading-job": {
    // Grading jobs outlive the service: after a restart an instructor still reads how the
    // last grading of a course ended (one that was running is marked interrupted).
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("grading_job")
        .addColumn("id", "integer", autoKey(kind))
        .addColumn("job", "text", (c) => c.notNull().unique())
        .addColumn("course", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("by_user", "text", (c) => c.notNull())
        .addColumn("started", "text", (c) => c.notNull())
        .addColumn("finished", "text")
        .addColumn("students", "integer", (c) => c.notNull())
        .addColumn("error", "text")
        .execute();
      await db.schema.createIndex("grading_job_course").on("grading_job").columns(["course", "id"]).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("grading_job").execute();
    },
  },
});

/** The migrations in this file, for Kysely's Migrator (no folder scan, so the bundle needs no fs layout). */
export function migrationProvider(kind: DatabaseKind): MigrationProvider {
  return {
    async getMigrations() {
      return migrations(kind);
    },
  };
}
