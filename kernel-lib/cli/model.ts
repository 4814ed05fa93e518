import { existsSync, readFileSync } from "node:fs";
import { getModel, listModels, modelSource, parseModel } from "@pmxlab/kernel";
import type { Model } from "@pmxlab/kernel";

/**
 * A model file in the pmxlab format by path, else a built-in model by name. A name that is
 * not a built-in model — including names every object has, such as `constructor` — is
 * refused with the list of models.
 */
export function loadModel(nameOrFile: string): Model {
  if (existsSync(nameOrFile)) return parseModel(readFileSync(nameOrFile, "utf8"));
  if (typeof modelSource(nameOrFile) !== "string") {
    throw new Error(`unknown model "${nameOrFile}"; known models: ${listModels().map((m) => m.name).join(", ")}`);
  }
  return getModel(nameOrFile);
}
