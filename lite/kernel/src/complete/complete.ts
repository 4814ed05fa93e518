/** Completions of the word at the cursor: the matches and the range of code they replace. */
export interface Completion {
  matches: string[];
  start: number;
  end: number;
}

const WORD = /[A-Za-z_$][\w$]*$/;
const CHAIN = /([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)\s*\.\s*$/;

/**
 * Completions for `code` at `cursor` (an offset in UTF-16 units, as JupyterLab sends it): after
 * `a.b.` the properties of that value, found by reading properties from the kernel's
 * variables (`scope`) or the worker's globals, never by running code; otherwise the names of
 * `scope` and of the globals. Names of the prototype chain count (methods of a class); the
 * matches are sorted, names starting with "_" only when the word does.
 *
 * @example
 * completeAt("sim.pl", 6, { sim }, globalThis); // { matches: ["plot"], start: 4, end: 6 }
 */
export function completeAt(code: string, cursor: number, scope: object, globals: object): Completion {
  const before = code.slice(0, cursor);
  const word = WORD.exec(before)?.[0] ?? "";
  const start = cursor - word.length;
  const chain = CHAIN.exec(before.slice(0, start))?.[1];
  let names: Iterable<string>;
  if (chain !== undefined) {
    const value = lookup(chain.split(".").map((s) => s.trim()), scope, globals);
    names = value === undefined || value === null ? [] : propertyNames(Object(value));
  } else {
    names = [...propertyNames(scope), ...propertyNames(globals)];
  }
  const matches = [...new Set(names)].filter((n) => n.startsWith(word) && (word.startsWith("_") || !n.startsWith("_")) && /^[A-Za-z_$][\w$]*$/.test(n)).sort();
  return { matches, start, end: cursor };
}

function lookup(path: string[], scope: object, globals: object): unknown {
  const [first, ...rest] = path;
  let value: unknown = first in scope ? (scope as Record<string, unknown>)[first] : first in globals ? (globals as Record<string, unknown>)[first] : undefined;
  for (const key of rest) {
    if (value === undefined || value === null) return undefined;
    try {
      value = (Object(value) as Record<string, unknown>)[key];
    } catch {
      return undefined;
    }
  }
  return value;
}

function propertyNames(value: object): Set<string> {
  const names = new Set<string>();
  for (let o: object | null = value; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const name of Object.getOwnPropertyNames(o)) if (name !== "constructor") names.add(name);
  }
  return names;
}
