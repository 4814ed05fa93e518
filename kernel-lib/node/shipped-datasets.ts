import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { readDataset } from "@pmxlab/kernel";
import type { Dataset } from "@pmxlab/kernel";

/**
 * Path of a dataset shipped with pmxlab, `datasets/<name>` (e.g. "theoph.csv"): the nearest
 * `datasets/` folder from the working directory upwards — a course notebook and its released
 * copies at any depth inside the project — else the one of the pmxlab checkout this package
 * belongs to, which is where a student's notebook in a hub home finds it. An error names the
 * file and the places looked at.
 *
 * @example
 * readFileSync(shippedDatasetPath("theoph.csv"), "utf8");
 */
export function shippedDatasetPath(name: string): string {
  if (name !== basename(name) || name === "" || name === "." || name === "..") throw new Error(`shippedDatasetPath: "${name}" is not a file name (the datasets are files of datasets/, e.g. "theoph.csv")`);
  const start = process.cwd();
  for (let dir = start; ; dir = dirname(dir)) {
    const path = join(dir, "datasets", name);
    if (existsSync(path)) return path;
    if (dirname(dir) === dir) break;
  }
  // This file is kernel-lib/dist/node/shipped-datasets.js of the checkout.
  const own = resolve(__dirname, "..", "..", "..", "datasets", name);
  if (existsSync(own)) return own;
  throw new Error(`datasets/${name} not found in ${start} or any folder above it, nor at ${own}`);
}

/** A shipped NONMEM-format dataset, read: `readDataset` of {@link shippedDatasetPath}'s file. */
export function readShippedDataset(name: string): Dataset {
  return readDataset(readFileSync(shippedDatasetPath(name), "utf8"));
}
