// Regenerates src/library/precompiled.ts (the built-in models compiled into plain functions)
// from the model files; run by `npm run build` before tsc. Writes only when the text changed,
// so an up-to-date checkout is left untouched. Usage (from kernel-lib/): vite-node scripts/precompile-models.ts
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PRECOMPILED_FILE, precompiledSource } from "../src/library/precompile.js";

const file = fileURLToPath(new URL(`../${PRECOMPILED_FILE}`, import.meta.url));
const text = precompiledSource();
if (!existsSync(file) || readFileSync(file, "utf8") !== text) {
  writeFileSync(file, text);
  console.log(`precompile-models: wrote ${PRECOMPILED_FILE}`);
}
