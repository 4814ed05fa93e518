import { formatBytes } from "../simulation/size-limits.js";
import { PopulationError } from "./population-error.js";

/**
 * Most bytes a population simulation may hold at once: 2 GiB (2^31 bytes). Subjects are
 * simulated in chunks, so what stays is what the run keeps for every subject: the values of
 * the percentile bands (subjects × times, float32 beyond 2^24 values), individual parameters
 * and target metrics, and with `keep: "all"` every subject's IPRED (and DV) rows.
 */
export const MAX_POPULATION_BYTES = 2 ** 31;

/** What a population run keeps, in counts. */
export interface PopulationSize {
  /** Subjects in all replicates. */
  subjects: number;
  times: number;
  /** Storage of the percentile band values, if bands are requested. */
  bands?: "float64" | "float32";
  keep: "none" | "summary" | "all";
  parameters: number;
  targets: number;
  /** A residual error model: `keep: "all"` then keeps DV rows too. */
  residual: boolean;
}

/**
 * The bytes a population run keeps for all its subjects (see {@link MAX_POPULATION_BYTES}).
 *
 * @example populationBytes({ subjects: 1e7, times: 337, bands: "float32", keep: "summary", parameters: 2, targets: 0, residual: false }); // 1.364e10
 */
export function populationBytes(size: PopulationSize): number {
  const values = size.subjects * size.times;
  let bytes = size.subjects * size.targets * 8;
  if (size.bands) bytes += values * (size.bands === "float32" ? 4 : 8);
  if (size.keep !== "none") bytes += size.subjects * size.parameters * 8;
  if (size.keep === "all") bytes += values * 8 * (size.residual ? 2 : 1);
  return bytes;
}

/** Refuses a run that would keep more than {@link MAX_POPULATION_BYTES}, naming what it would need. */
export function checkPopulationMemory(size: PopulationSize): void {
  const bytes = populationBytes(size);
  if (bytes <= MAX_POPULATION_BYTES) return;
  throw new PopulationError(
    `this population would keep ${formatBytes(bytes)} in memory (${size.subjects.toLocaleString("en-US")} subjects × ${size.times} times` +
      `${size.bands ? `, percentile bands in ${size.bands}` : ""}${size.keep === "all" ? ', keep: "all"' : ""}), above the limit of ` +
      `${formatBytes(MAX_POPULATION_BYTES)}: use fewer subjects or times, keep: "summary" or "none", or run several smaller populations`,
  );
}
