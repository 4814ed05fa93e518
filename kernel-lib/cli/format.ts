import type { Output } from "./output.js";
import { UsageError } from "./usage-error.js";

/** How results are written: full-precision CSV, or a table for reading. */
export type Format = "csv" | "table";

/** `--format auto|csv|table`: auto is a table on a terminal and CSV anywhere else. */
export function resolveFormat(option: string, output: Output): Format {
  if (option === "csv" || option === "table") return option;
  if (option === "auto") return output.terminal ? "table" : "csv";
  throw new UsageError(`--format ${option}: expected auto, csv or table`);
}
