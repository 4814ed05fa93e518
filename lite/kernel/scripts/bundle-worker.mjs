// esbuild bundle of the kernel's web worker (src/worker/worker.ts) and of @pmxlab/kernel's
// population web worker, as ES modules sharing chunks (the library is loaded once), minified.
// Usage: node scripts/bundle-worker.mjs OUTDIR. Prints the size of each file.
import { build } from "esbuild";
import { statSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const outdir = process.argv[2];
if (!outdir) throw new Error("usage: node scripts/bundle-worker.mjs OUTDIR");
const root = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(import.meta.url);
const result = await build({
  absWorkingDir: root,
  entryPoints: {
    worker: "src/worker/worker.ts",
    "population-worker": require.resolve("@pmxlab/kernel/browser/worker"),
  },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify: true,
  metafile: true,
  logLevel: "warning",
  // TypeScript's compiler reaches for Node's modules only when it runs under Node.
  external: ["fs", "path", "os", "crypto", "perf_hooks", "inspector", "source-map-support", "buffer", "util"],
  legalComments: "none",
});
for (const file of Object.keys(result.metafile.outputs)) {
  console.log(`${(statSync(`${root}/${file}`).size / 1024).toFixed(0).padStart(6)} KB  ${file}`);
}
