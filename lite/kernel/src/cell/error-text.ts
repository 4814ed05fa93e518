import type { LineMap } from "./line-map.js";

/** Code the kernel ran under a `//# sourceURL`: its name for the user and the line map back to their source. */
export interface RunSource {
  name: string;
  line: LineMap;
}

// V8 ("    at f (url:3:7)", "    at url:3:7") and SpiderMonkey/JavaScriptCore ("f@url:3:7") frames.
const V8_FRAME = /^\s*at (?:(.*?) \()?(.*?):(\d+):(\d+)\)?$/;
const GECKO_FRAME = /^(.*?)@(.*?):(\d+):(\d+)$/;

/**
 * The text shown for an error thrown by a cell: "Name: message", then one line per stack
 * frame in the user's own code (cells and their local modules), with the line of their
 * TypeScript source (`sources`, by URL), and a count of the frames left out (the kernel's
 * and the libraries'). A thrown non-Error value is shown as "Uncaught " and its text.
 *
 * @example
 * errorText(error, new Map([["pmxlab-cell-3.js", { name: "cell", line }]]));
 * // "TypeError: f is not a function\n    at cell line 2\n    (4 kernel and library frames hidden)"
 */
export function errorText(error: unknown, sources: ReadonlyMap<string, RunSource>, describe: (value: unknown) => string = String): string {
  if (!(error instanceof Error)) return `Uncaught ${describe(error)}`;
  const header = `${error.name}: ${error.message}`;
  const lines = [header];
  let hidden = 0;
  for (const frame of (error.stack ?? "").split("\n")) {
    const match = V8_FRAME.exec(frame) ?? GECKO_FRAME.exec(frame);
    if (!match) continue;
    const [, fn, url, line] = match;
    const source = sources.get(url);
    const userLine = source?.line(Number(line));
    if (!source || userLine === undefined) {
      hidden++;
      continue;
    }
    const where = `${source.name} line ${userLine}`;
    const name = fn?.replace(/^async /, "");
    lines.push(name && !/^(eval|<anonymous>|Object\.<anonymous>)$/.test(name) && !name.includes("__pmxlab") ? `    at ${name} (${where})` : `    at ${where}`);
  }
  if (hidden > 0) lines.push(`    (${hidden} kernel and library frame${hidden === 1 ? "" : "s"} hidden)`);
  return lines.join("\n");
}
