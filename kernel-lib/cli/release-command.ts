import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { besideName, releaseAction, studentVersion, withoutHiddenChecks, type ReleaseAction } from "@pmxlab/kernel/exercise";
import { readCourse, resolveCourse } from "./exercise/course.js";
import { readNotebook } from "./exercise/notebook-check.js";
import { UsageError } from "./usage-error.js";

export const RELEASE_USAGE = `pmxlab release COURSE --out DIR

Writes the student version of a course: solutions stubbed, outputs and check results
cleared, instructor-only cells removed, hidden check items left out of checks.ts. Running
it again never overwrites a copy the student edited: new files are added, files the
student has not touched are updated, and a changed file the student edited is written
beside it as NAME.new.EXT and reported.`;

/** Where release remembers what it wrote (hash per file), to tell a student's edit from its own. */
const MANIFEST = ".pmxlab-release.json";

/** `pmxlab release`: the DESIGN.md contract. */
export function releaseCommand(argv: string[]): number {
  const { values, positionals } = parseArgs({ args: argv, options: { out: { type: "string" } }, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new UsageError("give one course folder");
  if (!values.out) throw new UsageError("missing --out DIR");
  const course = readCourse(resolveCourse(positionals[0]));
  const out = resolve(values.out);
  const manifestPath = join(out, MANIFEST);
  const manifest: Record<string, string> = Object.assign(Object.create(null), existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, "utf8")) as { files: Record<string, string> }).files : {});
  const counts: Record<ReleaseAction, number> = { added: 0, updated: 0, unchanged: 0, beside: 0 };
  for (const file of course.files) {
    const content = studentFile(course.dir, file);
    const action = place(out, file, content, manifest);
    counts[action]++;
    if (action === "beside") process.stdout.write(`changed: ${file} — your edited copy is kept; the new version is ${besideName(file)}\n`);
    else if (action !== "unchanged") process.stdout.write(`${action}: ${file}\n`);
  }
  writeFileSync(manifestPath, JSON.stringify({ files: manifest }, null, 1) + "\n");
  process.stdout.write(`released ${course.files.length} file(s) to ${out}: ${counts.added} added, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.beside} written beside an edited copy\n`);
  return 0;
}

/** The student version of one course file. */
function studentFile(dir: string, file: string): string {
  const path = join(dir, file);
  if (file.endsWith(".ipynb")) return JSON.stringify(studentVersion(readNotebook(path), file), null, 1) + "\n";
  if (file === "checks.ts") return withoutHiddenChecks(readFileSync(path, "utf8"), file);
  return readFileSync(path, "latin1");
}

function hash(text: string): string {
  return createHash("sha256").update(text, "latin1").digest("hex");
}

/** Writes `content` for `file` under `out` without ever replacing a student's edit (the rule is `releaseAction`); updates the manifest. */
function place(out: string, file: string, content: string, manifest: Record<string, string>): ReleaseAction {
  const target = join(out, file);
  const encoding = file.endsWith(".ipynb") || file.endsWith(".ts") ? "utf8" : "latin1";
  const write = (path: string) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content, encoding);
  };
  const newHash = hash(Buffer.from(content, encoding).toString("latin1"));
  const action = releaseAction(newHash, existsSync(target) ? hash(readFileSync(target, "latin1")) : undefined, manifest[file]);
  if (action === "beside") write(join(out, besideName(file)));
  else {
    if (action !== "unchanged") write(target);
    manifest[file] = newHash;
  }
  return action;
}
