// The `fs` module for cells in the browser kernel: the reads course code does, of the site's files.
import { readSiteFile, siteFileExists } from "./site-files.js";

/** Node's `readFileSync(path, "utf8")`: the file's text (only text files are served). */
export function readFileSync(path: string, _encoding?: string | { encoding?: string }): string {
  return readSiteFile(path);
}

/** Node's `existsSync`. */
export function existsSync(path: string): boolean {
  return siteFileExists(path);
}

export default { readFileSync, existsSync };
