import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { getModel, parseModel, readDataset } from "@pmxlab/kernel";
import type { Dataset, Model } from "@pmxlab/kernel";
import { UsageError } from "./usage-error.js";

/** A built-in model by name, or a model file in the pmxlab format by path. */
export function loadModel(nameOrFile: string): Model {
  if (existsSync(nameOrFile)) return parseModel(readFileSync(nameOrFile, "utf8"));
  return getModel(nameOrFile);
}

export function loadDataset(file: string): Dataset {
  if (!existsSync(file)) throw new UsageError(`data file not found: ${file}`);
  return readDataset(readFileSync(file, "utf8"));
}

/** `K=V` pairs into numbers, naming the pair that does not parse. */
export function parseParams(pairs: string[]): Record<string, number> {
  const params: Record<string, number> = {};
  for (const pair of pairs) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.+)$/.exec(pair);
    const value = match ? Number(match[2]) : NaN;
    if (!match || !Number.isFinite(value)) throw new UsageError(`--param ${pair}: expected NAME=number, e.g. --param CL=5`);
    params[match[1]] = value;
  }
  return params;
}

/** Writes to the file when given, else to standard output. */
export function emit(text: string, out: string | undefined): void {
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
}
