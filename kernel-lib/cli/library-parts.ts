// The parts of the library that `pmxlab simulate` uses, loaded module by module from
// the compiled library beside this folder (dist/cjs): the package's index loads every part
// (estimation, NCA, plots, the exercise checker, …), about twice the load time of these,
// which is a third of a 1,000-subject run's start (npm run bench, kernel-lib/bench/cli.mjs).
// Each is the module the index exports, so classes are the same (instanceof holds).
/* eslint-disable @typescript-eslint/no-require-imports */
import type * as Kernel from "@pmxlab/kernel";

export const { simulate } = require("../cjs/simulation/simulate.js") as Pick<typeof Kernel, "simulate">;
export const { getModel } = require("../cjs/library/registry.js") as Pick<typeof Kernel, "getModel">;
export const { parseModel } = require("../cjs/model/parse-model.js") as Pick<typeof Kernel, "parseModel">;
export const { DatasetReader, DatasetError, csvRowBytes } = require("../cjs/data/index.js") as Pick<typeof Kernel, "DatasetReader" | "DatasetError" | "csvRowBytes">;
