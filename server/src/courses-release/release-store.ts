// Published course releases: each version of a course's student release (the files
// `pmxlab release` wrote) kept in the class database, so every student gets the same bytes.
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/index.js";

/** One file of a release. */
export interface ReleaseFile {
  /** Relative to the course folder, `/`-separated. */
  path: string;
  sha256: string;
  bytes: number;
}

/** A published release, without the file contents. */
export interface Release {
  course: string;
  version: number;
  at: string;
  by: string;
  files: ReleaseFile[];
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The releases of every course, in one database. */
export class ReleaseStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Publishes `files` as the course's next version. */
  async publish(course: string, by: string, files: Map<string, Buffer>): Promise<Release> {
    return this.db.transaction().execute(async (tx) => {
      const last = await tx.selectFrom("course_release").select((eb) => eb.fn.max("version").as("v")).where("course", "=", course).executeTakeFirst();
      const version = Number(last?.v ?? 0) + 1;
      const at = this.now().toISOString();
      const { id } = await tx.insertInto("course_release").values({ course, version, at, by_user: by }).returning("id").executeTakeFirstOrThrow();
      const rows = [...files].map(([path, bytes]) => ({ release_id: id, path, sha256: sha256(bytes), bytes: bytes.length, content: bytes.toString("base64") }));
      if (rows.length > 0) await tx.insertInto("release_file").values(rows).execute();
      return { course, version, at, by, files: [...files].map(([path, bytes]) => ({ path, sha256: sha256(bytes), bytes: bytes.length })).sort(byPath) };
    });
  }

  /** The latest release of a course, or undefined before the first. */
  async latest(course: string): Promise<Release | undefined> {
    const row = await this.db.selectFrom("course_release").selectAll().where("course", "=", course).orderBy("version", "desc").limit(1).executeTakeFirst();
    if (!row) return undefined;
    const files = await this.db
      .selectFrom("release_file")
      .select(["path", "sha256", "bytes"])
      .where("release_id", "=", row.id)
      .execute();
    return {
      course,
      version: row.version,
      at: row.at,
      by: row.by_user,
      files: files.map((f) => ({ path: f.path, sha256: f.sha256, bytes: Number(f.bytes) })).sort(byPath),
    };
  }

  /** The latest release of every course that has one. */
  async all(): Promise<Release[]> {
    const courses = await this.db.selectFrom("course_release").select("course").distinct().orderBy("course").execute();
    const out: Release[] = [];
    for (const { course } of courses) out.push((await this.latest(course))!);
    return out;
  }

  /** The contents of the latest release's files (path → bytes). */
  async contents(course: string): Promise<{ release: Release; files: Map<string, Buffer> } | undefined> {
    const release = await this.latest(course);
    if (!release) return undefined;
    const rows = await this.db
      .selectFrom("release_file")
      .innerJoin("course_release", "course_release.id", "release_file.release_id")
      .select(["release_file.path", "release_file.content"])
      .where("course_release.course", "=", course)
      .where("course_release.version", "=", release.version)
      .execute();
    return { release, files: new Map(rows.map((r) => [r.path, Buffer.from(r.content, "base64")])) };
  }
}

function byPath(a: ReleaseFile, b: ReleaseFile): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
