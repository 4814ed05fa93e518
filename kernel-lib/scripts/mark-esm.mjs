// dist/esm and dist/browser hold ES modules inside a package without "type": "module"; a
// nested package.json tells Node so, while dist/cjs stays CommonJS for the tslab kernel.
import { mkdirSync, writeFileSync } from "node:fs";
for (const dir of ["esm", "browser"]) {
  const folder = new URL(`../dist/${dir}/`, import.meta.url);
  mkdirSync(folder, { recursive: true });
  writeFileSync(new URL("package.json", folder), '{ "type": "module" }\n');
}
