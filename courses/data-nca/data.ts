// Where the shipped datasets are. The notebooks of this course, and their released copies
// (anywhere inside the repository, at any depth), read datasets/*.csv of the repository root.
import { existsSync } from "fs";
import { dirname, join } from "path";

/**
 * Path of `datasets/<name>` in the nearest folder, from the notebook's folder upwards, that
 * has it; an error naming the file when none has.
 *
 * @example
 * readDataset(readFileSync(datasetPath("theoph.csv"), "utf8"));
 */
export function datasetPath(name: string): string {
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    const path = join(dir, "datasets", name);
    if (existsSync(path)) return path;
    if (dirname(dir) === dir) throw new Error(`datasets/${name} not found in ${process.cwd()} or any folder above it`);
  }
}
