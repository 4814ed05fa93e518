// `@pmxlab/kernel/node` for the browser kernel: the same names, with web workers for threads and
// the site's files for the shipped datasets, so course notebooks and checks run unchanged.
import { modelReference, populationWork, preferWorkers, readDataset, simulatePopulation } from "@pmxlab/kernel";
import type { Dataset, Model, PopulationInput, PopulationOptions, PopulationSimulation } from "@pmxlab/kernel";
import { PopulationWebWorkerPool } from "@pmxlab/kernel/browser";
import { readSiteFile, siteCwd, siteFileExists } from "./site-files.js";

/**
 * Path of `datasets/<name>` among the site's files: the nearest `datasets/` folder from the
 * notebook's folder upwards, as in Node from the working directory.
 */
export function shippedDatasetPath(name: string): string {
  if (name.includes("/") || name === "" || name === "." || name === "..") throw new Error(`shippedDatasetPath: "${name}" is not a file name (the datasets are files of datasets/, e.g. "theoph.csv")`);
  const parts = siteCwd() === "" ? [] : siteCwd().split("/");
  for (let depth = parts.length; depth >= 0; depth--) {
    const path = `/${[...parts.slice(0, depth), "datasets", name].join("/")}`;
    if (siteFileExists(path)) return path;
  }
  throw new Error(`datasets/${name} not found in ${siteCwd() || "the top folder"} or any folder above it among the site's files`);
}

/** A shipped NONMEM-format dataset, read. */
export function readShippedDataset(name: string): Dataset {
  return readDataset(readSiteFile(shippedDatasetPath(name)));
}

/** Web workers (the population worker script served beside this kernel), kept between runs. */
export class PopulationWorkerPool extends PopulationWebWorkerPool {
  constructor(size?: number) {
    super(() => new Worker(new URL("./population-worker.js", import.meta.url), { type: "module" }), size);
  }
}

/** `simulatePopulationParallel` of @pmxlab/kernel/node on web workers: same options, same results bit for bit. */
export async function simulatePopulationParallel(
  model: Model | string,
  input: PopulationInput,
  options: PopulationOptions & { workers?: number | "auto"; pool?: PopulationWorkerPool } = {},
): Promise<PopulationSimulation> {
  const { workers = "auto", pool, ...rest } = options;
  if (pool) return pool.simulate(model, input, rest);
  modelReference(model);
  if (workers === 0 || (workers === "auto" && !preferWorkers(populationWork(model, input, rest)))) return simulatePopulation(model, input, rest);
  const own = new PopulationWorkerPool(workers === "auto" ? undefined : workers);
  try {
    return await own.simulate(model, input, rest);
  } finally {
    await own.close();
  }
}
