import { parseModel } from "../model/index.js";
import type { Model } from "../model/types.js";
import { PRECOMPILED } from "./precompiled.js";
import { precompiledModel } from "./precompiled-model.js";
import { SOURCES } from "./sources.js";

const compiled = new Map<string, Model>();

/** What `listModels` tells about a built-in model. */
export interface ModelInfo {
  name: string;
  description: string;
  reference: string;
}

function known(name: string): string {
  const source = typeof name === "string" ? SOURCES.get(name) : undefined;
  if (source === undefined) throw new Error(`unknown model "${String(name).slice(0, 80)}"; known models: ${[...SOURCES.keys()].join(", ")}`);
  return source;
}

/**
 * A built-in model by name, compiled once and cached (see `listModels()` for the names).
 *
 * @example
 * getModel("pk2cmt_oral").parameters.map((p) => p.name); // ["KA", "CL", "V1", "Q", "V2", "F1", "ALAG1"]
 */
export function getModel(name: string): Model {
  const source = known(name);
  let model = compiled.get(name);
  if (!model) {
    // Compiled at build time (no mathjs to load), unless the model file changed since.
    const entry = PRECOMPILED.get(name);
    model = entry && entry.data.source === source ? precompiledModel(entry) : parseModel(source);
    // Library models must read like a paper: every item has a unit and the model a reference.
    if (!model.reference) throw new Error(`built-in model ${name} has no $REFERENCE`);
    compiled.set(name, model);
  }
  return model;
}

/** The source text of a built-in model, to read or to copy and modify. */
export function modelSource(name: string): string {
  return known(name);
}

/** Every built-in model with its description and reference. */
export function listModels(): ModelInfo[] {
  return [...SOURCES.keys()].map((name) => {
    const model = getModel(name);
    return { name, description: model.description, reference: model.reference ?? "" };
  });
}
