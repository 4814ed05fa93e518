import { existsSync, readFileSync, statSync } from "node:fs";
import { getModel, parseModel } from "./library-parts.js";
import type { Model } from "@pmxlab/kernel";
import { formatSize } from "./size.js";

/** The largest model file read (bytes): a model is a page of text; /dev/zero or a data file by mistake must not fill memory. */
const MAX_MODEL_BYTES = 1 << 20;

/**
 * A model file in the pmxlab format by path, else a built-in model by name. The library's
 * registry refuses any other name — including names every object has, such as
 * `constructor` — with the list of models. A path that is not a regular file, or one larger
 * than 1 MiB, is refused before it is read.
 */
export function loadModel(nameOrFile: string): Model {
  if (!existsSync(nameOrFile)) return getModel(nameOrFile);
  const stat = statSync(nameOrFile);
  if (!stat.isFile()) throw new Error(`--model ${nameOrFile}: ${stat.isDirectory() ? "is a directory" : "is not a regular file"}; give a model file or a built-in model's name`);
  if (stat.size > MAX_MODEL_BYTES) throw new Error(`--model ${nameOrFile}: the file is ${formatSize(stat.size)}, more than a model file's ${formatSize(MAX_MODEL_BYTES)}; is it the right file?`);
  return parseModel(readFileSync(nameOrFile, "utf8"));
}
