import { parseModel } from "../model/index.js";
import type { Model } from "../model/types.js";
import { effect_cmt } from "./models/effect_cmt.js";
import { emax } from "./models/emax.js";
import { friberg } from "./models/friberg.js";
import { idr1 } from "./models/idr1.js";
import { idr2 } from "./models/idr2.js";
import { idr3 } from "./models/idr3.js";
import { idr4 } from "./models/idr4.js";
import { pk1cmt_iv } from "./models/pk1cmt_iv.js";
import { pk1cmt_oral } from "./models/pk1cmt_oral.js";
import { pk2cmt_idr } from "./models/pk2cmt_idr.js";
import { pk2cmt_iv } from "./models/pk2cmt_iv.js";
import { pk2cmt_oral } from "./models/pk2cmt_oral.js";
import { pk3cmt_iv } from "./models/pk3cmt_iv.js";
import { pk3cmt_oral } from "./models/pk3cmt_oral.js";
import { sigmoid_emax } from "./models/sigmoid_emax.js";
import { simeoni } from "./models/simeoni.js";
import { tmdd } from "./models/tmdd.js";

/** Model sources by name: a Map, so a name such as "constructor" or "__proto__" is simply unknown. */
const SOURCES = new Map<string, string>(Object.entries({
  pk1cmt_iv,
  pk1cmt_oral,
  pk2cmt_iv,
  pk2cmt_oral,
  pk3cmt_iv,
  pk3cmt_oral,
  emax,
  sigmoid_emax,
  effect_cmt,
  idr1,
  idr2,
  idr3,
  idr4,
  tmdd,
  simeoni,
  friberg,
  pk2cmt_idr,
}));

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
    model = parseModel(source);
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
