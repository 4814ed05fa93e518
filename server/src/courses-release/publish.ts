// Publishing a course: `pmxlab release` writes the student version into a fresh folder,
// whose files become the course's next release. The instructor versions (solutions, hidden
// checks) stay in the service's courses folder; only the release output is ever served.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { promisify } from "node:util";
import { HttpError } from "../http/body.js";
import { pmxlabCli } from "./pmxlab-cli.js";

const run = promisify(execFile);

/** The release's own bookkeeping in the student's folder, never a course file. */
export const MANIFEST = ".pmxlab-release.json";

/** A course the service can release. */
export interface CourseEntry {
  course: string;
  title: string;
}

/** The courses of `coursesDir`: every folder with a `course.json`. */
export function listCourses(coursesDir: string): CourseEntry[] {
  if (!existsSync(coursesDir)) return [];
  return readdirSync(coursesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(coursesDir, d.name, "course.json")))
    .map((d) => {
      let title = d.name;
      try {
        title = String((JSON.parse(readFileSync(join(coursesDir, d.name, "course.json"), "utf8")) as { title?: unknown }).title ?? d.name);
      } catch {
        // a broken course.json still lists the course by its folder; release reports the error
      }
      return { course: d.name, title };
    })
    .sort((a, b) => a.course.localeCompare(b.course));
}

/**
 * Runs `pmxlab release` on `coursesDir/<course>` and returns the files it wrote (path →
 * bytes). A course that does not release (invalid exercise metadata, a missing check) is a
 * 422 with pmxlab's message.
 */
export async function releaseFiles(coursesDir: string, course: string, timeoutMs = 120_000): Promise<Map<string, Buffer>> {
  if (!listCourses(coursesDir).some((c) => c.course === course)) throw new HttpError(404, `no course "${course}" in the service's courses folder`);
  const out = mkdtempSync(join(tmpdir(), "pmxlab-release-"));
  try {
    await run(process.execPath, [pmxlabCli(), "release", join(coursesDir, course), "--out", out], { timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024 }).catch((error: { stderr?: string; message: string }) => {
      throw new HttpError(422, `pmxlab release ${course} failed: ${(error.stderr || error.message).trim().split("\n").slice(-3).join(" ")}`);
    });
    const files = new Map<string, Buffer>();
    for (const path of walk(out)) {
      const rel = relative(out, path).split(sep).join("/");
      if (rel !== MANIFEST) files.set(rel, readFileSync(path));
    }
    return files;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}
