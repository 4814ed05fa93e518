import { existsSync, readFileSync } from "node:fs";
import { getModel, parseModel } from "./library-parts.js";
import type { Model } from "@pmxlab/kernel";

/**
 * A model file in the pmxlab format by path, else a built-in model by name. The library's
 * registry refuses any other name — including names every object has, such as
 * `constructor` — with the list of models.
 */
export function loadModel(nameOrFile: string): Model {
  if (existsSync(nameOrFile)) return parseModel(readFileSync(nameOrFile, "utf8"));
  return getModel(nameOrFile);
}
