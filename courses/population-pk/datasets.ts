// The course's datasets live in the project's datasets/ folder; notebooks and checks run from
// the course folder, a released copy at another depth or a hub home, so the file is found by
// @pmxlab/kernel/node's shippedDatasetPath rather than by a fixed "../..".
import { readFileSync } from "node:fs";
import { shippedDatasetPath } from "@pmxlab/kernel/node";

/** The text of datasets/<file> (e.g. "pheno.csv"). */
export function datasetText(file: string): string {
  return readFileSync(shippedDatasetPath(file), "utf8");
}
