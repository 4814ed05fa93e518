/** The model texts of docs/covariates.md, so the tests run exactly what the documentation shows. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseModel } from "../../src/model/index.js";
import type { Model } from "../../src/model/types.js";

const doc = readFileSync(resolve(__dirname, "../../../docs/covariates.md"), "utf8");

/** Every fenced block of the document that is a model (starts with $MODEL), by model name. */
export const documentedModels: Record<string, string> = Object.fromEntries(
  [...doc.matchAll(/```\n(\$MODEL (\S+)\n[\s\S]*?)```/g)].map((m) => [m[2], m[1]]),
);

/** A documented model, compiled. */
export function documentedModel(name: string): Model {
  const text = documentedModels[name];
  if (!text) throw new Error(`docs/covariates.md has no model ${name}`);
  return parseModel(text);
}
