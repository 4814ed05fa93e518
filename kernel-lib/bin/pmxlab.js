#!/usr/bin/env node
"use strict";
// Thin launcher: the command line is compiled from kernel-lib/cli into dist/cli.
let cli;
try {
  cli = require("../dist/cli/main.js");
} catch (error) {
  console.error("pmxlab: the package is not built yet; run `npm run build` at the repository root\n" + error.message);
  process.exit(1);
}
cli.main(process.argv.slice(2)).then((code) => process.exit(code));
