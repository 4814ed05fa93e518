// Notebook files on disk for the collaboration tests: written before a room opens, read back
// to check what a save wrote.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** A code cell as nbformat 4.5 stores it. */
export function codeCell(id, source) {
  return { cell_type: "code", id, source, metadata: {}, outputs: [], execution_count: null };
}

/**
 * Writes a notebook of `cells` to `path` under `rootDir` and returns `path`.
 *
 * @example
 *   writeNotebook(server.rootDir, "a.ipynb", [codeCell("only", "# start\n")]);
 */
export function writeNotebook(rootDir, path, cells) {
  writeFileSync(join(rootDir, path), JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells }));
  return path;
}

/** The sources of the notebook's cells on disk, joined. */
export function savedText(rootDir, path) {
  return JSON.parse(readFileSync(join(rootDir, path), "utf8"))
    .cells.map((cell) => [cell.source].flat().join(""))
    .join("");
}
