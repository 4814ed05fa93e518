/**
 * Errors in notebooks: a pmxlab error shows its message and the user's lines, not the
 * library's stack frames and the tslab kernel's internals.
 *
 * tslab 1.0.22 prints a failing cell's error with `console.error(error)`, i.e. Node's
 * `util.inspect`, which shows `error.stack` — for a bad regimen, the library's source line, ten
 * library frames (the default `Error.stackTraceLimit`, so the user's own line fell off the
 * end) and the error's own fields. Seen by running tslab's executor on such a cell
 * (`kernel-lib/test/display/notebook-errors.test.ts` does the same).
 *
 * Inside tslab, loading pmxlab installs an `Error.prepareStackTrace` hook. For an error thrown
 * from pmxlab's own files it gives "Name: message", then the pmxlab function the user's code
 * called ("in simulate(), called from the cell"), the user's own frames outside the cell (their
 * functions in other files) and a note that frames were hidden; that text is also the error's
 * `util.inspect` form, so nothing else is printed. A cell's line number is not shown: tslab runs
 * the cell compiled to JavaScript, whose lines differ from the cell's (blank lines dropped,
 * export lines added), so it would point at the wrong line. Every
 * other error keeps its usual stack (through any hook installed before). Set the environment
 * variable PMXLAB_STACK=full before starting the kernel to keep full stacks.
 */

const CUSTOM_INSPECT = Symbol.for("nodejs.util.inspect.custom");

type PrepareStackTrace = (error: Error, callsites: NodeJS.CallSite[]) => unknown;

let installed = false;

/**
 * Installs the notebook error display (see above) when running in the tslab kernel and
 * PMXLAB_STACK is not "full"; `force` installs it anywhere (tests). Returns whether it is installed.
 * Called once when pmxlab loads.
 */
export function installNotebookErrors(force = false): boolean {
  if (installed) return true;
  const inTslab = (globalThis as { __tslab__?: unknown }).__tslab__ !== undefined;
  // Read through globalThis: the core also runs in browsers, which have no \`process\`.
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const full = env?.PMXLAB_STACK === "full";
  if (!force && (!inTslab || full)) return false;
  const root = libraryRoot();
  if (root === undefined) return false;
  const previous = Error.prepareStackTrace as PrepareStackTrace | undefined;
  // Deep enough that the user's frame is not cut off below pmxlab's own.
  Error.stackTraceLimit = Math.max(Error.stackTraceLimit, 100);
  Error.prepareStackTrace = (error: Error, callsites: NodeJS.CallSite[]): unknown => {
    const ours = callsites.length > 0 && isLibrary(callsites[0], root);
    if (!ours) return previous ? previous(error, callsites) : defaultStack(error, callsites);
    const firstUser = callsites.findIndex((c) => !isLibrary(c, root));
    const entry = callsites[(firstUser < 0 ? callsites.length : firstUser) - 1];
    const user = callsites.filter((c) => !isLibrary(c, root) && !isInternal(c));
    const lines = [`${error.name}: ${error.message}`, `    in ${entryName(entry)}(), called from ${user.length > 0 && !isCell(user[0]) ? String(user[0]) : "the cell"}`];
    for (const c of user.slice(isCell(user[0]) ? 0 : 1)) if (!isCell(c)) lines.push(`    at ${String(c)}`);
    const hidden = callsites.length - user.length;
    lines.push(`    (${hidden} pmxlab and kernel frame${hidden === 1 ? "" : "s"} hidden; PMXLAB_STACK=full shows them)`);
    const text = lines.join("\n");
    Object.defineProperty(error, CUSTOM_INSPECT, { value: () => text, configurable: true, enumerable: false });
    return text;
  };
  installed = true;
  return true;
}

/** The folder of pmxlab's own files (…/kernel-lib/dist/ or …/kernel-lib/src/), from this module's own stack frame. */
function libraryRoot(): string | undefined {
  const stack = new Error().stack ?? "";
  const match = /(?:\(|at )((?:file:\/\/)?[^()\s]*?[\\/]kernel-lib[\\/](?:dist|src)[\\/])/.exec(stack) ?? /(?:\(|at )((?:file:\/\/)?[^()\s]*?[\\/](?:dist|src)[\\/])display[\\/]/.exec(stack);
  return match ? stripFileUrl(match[1]) : undefined;
}

function stripFileUrl(path: string): string {
  return path.startsWith("file://") ? path.slice("file://".length) : path;
}

function isLibrary(c: NodeJS.CallSite, root: string): boolean {
  const file = c.getFileName();
  return file !== undefined && file !== null && stripFileUrl(file).startsWith(root);
}

/** Node's own modules, native frames and the tslab kernel's code. */
function isInternal(c: NodeJS.CallSite): boolean {
  const file = c.getFileName();
  return file === undefined || file === null || file.startsWith("node:") || /[\\/]tslab[\\/]dist[\\/]/.test(file);
}

/** A notebook cell's code: tslab runs it through `vm` with no file name. */
function isCell(c: NodeJS.CallSite | undefined): boolean {
  return (c?.getFileName() ?? "").startsWith("evalmachine.");
}

/** The name of the pmxlab function the user called (a method as Class.method), or "pmxlab". */
function entryName(c: NodeJS.CallSite | undefined): string {
  if (!c) return "pmxlab";
  const method = c.getMethodName();
  const type = c.getTypeName();
  const name = c.getFunctionName() ?? method;
  if (!name) return "pmxlab";
  return type && method && type !== "Proxy" && type !== "Object" && !name.includes(".") ? `${type}.${name}` : name;
}

/** V8's default stack text: the error, then one "at" line per frame. */
function defaultStack(error: Error, callsites: NodeJS.CallSite[]): string {
  return [String(error), ...callsites.map((c) => `    at ${String(c)}`)].join("\n");
}

installNotebookErrors();
