import { execFile } from "node:child_process";
import { resolve } from "node:path";

const dist = resolve(__dirname, "../../dist/cjs/index.js");
const datasets = resolve(__dirname, "../../../datasets");

/**
 * Runs `body` (JavaScript source) in a child process with `kernel` (the built package, as
 * `npm test` builds it) and `data` (`datasets/<dataset>` read) in scope; `body` returns a
 * plain value, which resolves as JSON. Fits take seconds to minutes: in vitest's worker they
 * would block its messages (see fit-in-child.ts).
 */
export function kernelInChild(dataset: string, body: string): Promise<any> {
  const script = `
const kernel = require(${JSON.stringify(dist)});
const data = kernel.readDataset(require("node:fs").readFileSync(${JSON.stringify(resolve(datasets, dataset))}, "utf8"));
process.stdout.write(JSON.stringify((() => { ${body} })()));`;
  return new Promise((done, fail) => {
    execFile(process.execPath, ["-e", script], { maxBuffer: 16 << 20, timeout: 900_000 }, (error, stdout, stderr) => {
      if (error) fail(new Error(`child process failed: ${stderr || error.message}`));
      else done(JSON.parse(stdout));
    });
  });
}
