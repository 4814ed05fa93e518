// The course's datasets live in the repository's datasets/ folder. Notebooks and checks run
// from the course folder or from a released copy at another depth (test-results/…), so the
// folder is found by walking up from the working directory rather than by a fixed "../..".
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** The text of datasets/<file> (e.g. "pheno.csv"), found in the nearest folder above the working directory that has it. */
export function datasetText(file: string): string {
  for (let dir = resolve("."); ; dir = dirname(dir)) {
    const path = join(dir, "datasets", file);
    if (existsSync(path)) return readFileSync(path, "utf8");
    if (dirname(dir) === dir) throw new Error(`datasets/${file} was not found in ${resolve(".")} or any folder above it`);
  }
}
