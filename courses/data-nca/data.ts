// Where the shipped datasets are: the notebooks of this course and their released copies (at
// any depth inside the project, or in a hub home) read datasets/*.csv through
// @pmxlab/kernel/node's shippedDatasetPath, e.g.
// readDataset(readFileSync(datasetPath("theoph.csv"), "utf8")).
export { shippedDatasetPath as datasetPath } from "@pmxlab/kernel/node";
