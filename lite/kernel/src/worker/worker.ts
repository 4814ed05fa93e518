// The browser kernel's web worker: runs cells (see kernel/lite-kernel.ts for the other side).
import ts from "typescript";
import { formatWithOptions } from "node-inspect-extracted";
import { errorText, type RunSource } from "../cell/error-text.js";
import { completeAt } from "../complete/complete.js";
import { newScope, runCell } from "../cell/run-cell.js";
import { transformCell } from "../cell/transform-cell.js";
import { tslabHost } from "../display/tslab-host.js";
import { tslabShim, type DisplayWriter } from "../display/tslab-shim.js";
import { LocalModules } from "../modules/local-modules.js";
import type { FromWorker, ToWorker } from "./protocol.js";
import { builtinModules } from "./builtins.js";
import { configureSiteFiles } from "./shims/site-files.js";

const started = performance.now();
const post = (message: FromWorker): void => (self as unknown as Worker).postMessage(message);

// Output made while no cell runs (a timer, a promise settling late) goes to the last cell, as in tslab.
let current = 0;
const stream = (name: "stdout" | "stderr", args: unknown[]): void => post({ type: "stream", id: current, name, text: formatWithOptions({}, ...args) + "\n" });
const write: DisplayWriter = (content, update) => post({ type: "display", id: current, content, update });

const scope = newScope();
const tslab = tslabShim(write, ts.version);
(globalThis as { __tslab__?: unknown }).__tslab__ = tslabHost(scope, tslab, write);

// Where Node's console writes each: stdout, or stderr (trace without its stack here).
for (const name of ["log", "info", "debug", "dir"] as const) console[name] = (...args: unknown[]) => stream("stdout", args);
for (const name of ["error", "warn", "trace"] as const) console[name] = (...args: unknown[]) => stream("stderr", args);

const sources = new Map<string, RunSource>();
const builtins = builtinModules(tslab);
const loaded = new Map<string, Promise<unknown>>();
const pendingReads = new Map<number, (text: string | undefined) => void>();
let reads = 0;
let location = "";

const modules = new LocalModules({
  builtinNames: new Set(builtins.keys()),
  builtin(name) {
    let module = loaded.get(name);
    if (!module) loaded.set(name, (module = builtins.get(name)!()));
    return module;
  },
  readFile(path) {
    const request = ++reads;
    post({ type: "read", request, path });
    return new Promise((resolve) => pendingReads.set(request, resolve));
  },
  register: (url, source) => sources.set(url, source),
});

const describe = (value: unknown): string => formatWithOptions({}, value);

async function execute(id: number, code: string): Promise<void> {
  current = id;
  const t0 = performance.now();
  let transpileMs = 0;
  try {
    const program = transformCell(code);
    transpileMs = performance.now() - t0;
    const url = `pmxlab-cell-${id}.js`;
    sources.set(url, { name: "cell", line: program.cellLine });
    const value = await runCell(program, scope, { import: (specifier) => modules.import(specifier, location) }, url);
    // As tslab: a last value of undefined or null shows nothing; a string shows unquoted.
    if (value !== undefined && value !== null) post({ type: "result", id, text: describe(value) });
    post({ type: "done", id, ok: true, transpileMs });
  } catch (error) {
    stream("stderr", [errorText(error, sources, describe)]);
    const e = error instanceof Error ? error : undefined;
    post({ type: "done", id, ok: false, ename: e?.name ?? "Error", evalue: e?.message ?? describe(error), transpileMs });
  }
}

// An error thrown later by a cell's code (a timer's callback) is shown here; unhandled, it would
// reach the kernel as the worker's failure to load.
self.addEventListener("error", (event) => {
  event.preventDefault();
  stream("stderr", [errorText(event.error ?? event.message, sources, describe)]);
});

self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  stream("stderr", [`Unhandled promise rejection: ${errorText(event.reason, sources, describe)}`]);
});

// Cells run one after another (the kernel sends the next only after "done").
self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === "init") {
    location = message.location;
    configureSiteFiles({ filesUrl: message.filesUrl, cwd: message.location.replace(/^[^/:]*:/, "") });
    post({ type: "ready", typescript: ts.version, loadMs: performance.now() - started });
  } else if (message.type === "execute") {
    void execute(message.id, message.code);
  } else if (message.type === "complete") {
    post({ type: "completion", request: message.request, ...completeAt(message.code, message.cursor, scope, globalThis) });
  } else if (message.type === "file") {
    pendingReads.get(message.request)?.(message.text);
    pendingReads.delete(message.request);
  }
};
