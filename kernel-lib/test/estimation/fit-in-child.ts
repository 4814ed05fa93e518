import { execFile } from "node:child_process";
import { resolve } from "node:path";

const dist = resolve(__dirname, "../../dist/cjs/index.js");
const datasets = resolve(__dirname, "../../../datasets");

/**
 * Runs `fitPopulation` (or `fitSaem`) on `datasets/<data>` from the built package (`npm test`
 * builds first) in a child process and resolves with the fit as plain JSON. A population fit
 * runs for tens of seconds on a busy machine; in the test worker it would block the event
 * loop and vitest's own messages would time out, so it runs beside it. `options` is
 * JavaScript source (it may hold an `individual` function).
 */
export function fitInChild(model: string, data: string, options: string, method: "fitPopulation" | "fitSaem" = "fitPopulation"): Promise<Record<string, any>> {
  const script = `
const kernel = require(${JSON.stringify(dist)});
const { readFileSync } = require("node:fs");
const data = kernel.readDataset(readFileSync(${JSON.stringify(resolve(datasets, data))}, "utf8"));
const fit = kernel.${method}(${JSON.stringify(model)}, data, ${options});
const plain = { ...fit, text: fit.toString() };
if (fit.table) Object.assign(plain, { plotPoints: fit.plot().data[0].x.length, table: Object.fromEntries(Object.entries(fit.table).map(([k, v]) => [k, Array.from(v)])) });
process.stdout.write(JSON.stringify(plain));`;
  return new Promise((done, fail) => {
    execFile(process.execPath, ["-e", script], { maxBuffer: 64 << 20, timeout: 900_000 }, (error, stdout, stderr) => {
      if (error) fail(new Error(`fit in child process failed: ${stderr || error.message}`));
      else done(JSON.parse(stdout));
    });
  });
}
