export { readDataset } from "./read-dataset.js";
export { DatasetError } from "./dataset-error.js";
export { datasetToCsv, toCsv } from "./write-csv.js";
