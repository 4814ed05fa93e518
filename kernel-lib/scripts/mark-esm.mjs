// dist/esm holds ES modules inside a package without "type": "module"; a nested
// package.json tells Node so, while dist/cjs stays CommonJS for the tslab kernel.
import { writeFileSync } from "node:fs";
writeFileSync(new URL("../dist/esm/package.json", import.meta.url), '{ "type": "module" }\n');
