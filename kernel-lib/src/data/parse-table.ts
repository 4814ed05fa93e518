import Papa from "papaparse";
import { DatasetError } from "./dataset-error.js";

/** CSV cells with the file line each data row starts on. */
export interface Table {
  header: string[];
  headerLine: number;
  rows: { cells: string[]; line: number }[];
}

/**
 * Splits CSV text into a header and data rows (internal to `readDataset`). Cells are
 * trimmed; blank lines and lines starting with "#" (NONMEM's default IGNORE=#) are skipped;
 * the first other line is the header. Line endings may be \n, \r\n or \r.
 */
export function parseTable(csv: string): Table {
  const text = csv.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const lines: { cells: string[]; line: number }[] = [];
  let start = 0;
  let line = 1;
  let counted = 0;
  Papa.parse<string[]>(text, {
    delimiter: ",",
    newline: "\n",
    step: (result) => {
      // Count the newlines before this row's first character: that is its line number.
      for (; counted < start; counted++) if (text.charCodeAt(counted) === 10) line++;
      const error = result.errors[0];
      if (error) throw new DatasetError(`cannot read the CSV: ${error.message}`, { line });
      const cells = result.data.map((c) => c.trim());
      const blank = cells.every((c) => c === "");
      if (!blank && !cells[0].startsWith("#")) lines.push({ cells, line });
      start = result.meta.cursor;
    },
  });
  const [head, ...rows] = lines;
  if (!head) throw new DatasetError("the dataset is empty: a header line (ID,TIME,…) is required");
  return { header: head.cells, headerLine: head.line, rows };
}
