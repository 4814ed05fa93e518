// Where the `pmxlab` command line is: the launcher of the installed @pmxlab/kernel package.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The path of `pmxlab.js` (run it with `process.execPath`). */
export function pmxlabCli(): string {
  // The package's main is dist/cjs/index.js; the launcher is bin/pmxlab.js beside dist.
  const main = createRequire(import.meta.url).resolve("@pmxlab/kernel");
  return join(dirname(main), "..", "..", "bin", "pmxlab.js");
}
