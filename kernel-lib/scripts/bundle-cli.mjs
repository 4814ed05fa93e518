// esbuild bundle of `pmxlab simulate` (cli/simulate-command.ts with the library modules it
// uses) into dist/cli/simulate-bundle.js, which the command line loads for that command:
// one file loads in about a quarter of the time of the ~150 modules it replaces (Node's
// per-module resolution and file reads, not compilation, were most of it; bench:
// kernel-lib/bench/cli.mjs). cli/library-parts.ts, which requires the compiled library
// module by module at run time, is replaced here by the same names from src/, so the
// library is bundled too. mathjs stays outside (the launcher resolves it lazily), and so does
// cli/usage-error.js, whose class main.js tells wrong usage by (instanceof needs one class).
// Usage: node scripts/bundle-cli.mjs (after tsc -p tsconfig.cli.json; part of npm run build).
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const PARTS = `
export { simulate } from "./src/simulation/simulate.js";
export { getModel } from "./src/library/registry.js";
export { parseModel } from "./src/model/parse-model.js";
export { DatasetReader, DatasetError, csvRowBytes } from "./src/data/index.js";
`;

await build({
  absWorkingDir: root,
  entryPoints: ["cli/simulate-command.ts"],
  outfile: "dist/cli/simulate-bundle.js",
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  external: ["mathjs", "./usage-error.js"],
  logLevel: "warning",
  legalComments: "none",
  plugins: [
    {
      name: "library-parts-from-src",
      setup(b) {
        b.onResolve({ filter: /\/library-parts\.js$/ }, () => ({ path: "library-parts", namespace: "parts" }));
        b.onLoad({ filter: /.*/, namespace: "parts" }, () => ({ contents: PARTS, resolveDir: root, loader: "ts" }));
      },
    },
  ],
});
