#!/usr/bin/env node
"use strict";
// Thin launcher: the command line is compiled from kernel-lib/cli into dist/cli.
const Module = require("node:module");

// mathjs's package entry loads over a thousand files and builds every function up front
// (about 1 s of CPU on a busy machine); its single-file build of the same version and code
// loads in a tenth of that (bench: npm run bench, kernel-lib/bench/cli.mjs), and a command
// that simulates a built-in model (precompiled at build time) needs neither. So this
// process resolves "mathjs" to lazy-mathjs.js, which loads that build on first use. The
// model compiler only calls create(all); that build exports no `all`, so here it is
// create(undefined), which mathjs's create takes as "every factory": the same 402 functions
// and units as the package entry's create(all) (test/cli/lazy-mathjs.test.ts). Node's
// documented require hooks (module.registerHooks) need Node 22.
const lazyMathjs = require.resolve("./lazy-mathjs.js");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === "mathjs" ? lazyMathjs : resolve.call(this, request, ...rest);
};

let cli;
try {
  cli = require("../dist/cli/main.js");
} catch (error) {
  console.error("pmxlab: the package is not built yet; run `npm run build` at the repository root\n" + error.message);
  process.exit(1);
}
cli.main(process.argv.slice(2)).then((code) => process.exit(code));
