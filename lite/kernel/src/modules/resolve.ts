/** Where an import specifier leads: a module the kernel serves itself, or a file of the notebook's drive. */
export type Resolution = { kind: "builtin"; name: string } | { kind: "file"; candidates: string[] };

/** An import the kernel cannot serve; the message names the specifier and what can be imported. */
export class ModuleNotFoundError extends Error {
  override readonly name = "ModuleNotFoundError";
}

const SOURCE_EXTENSIONS = /\.(ts|tsx|mts|cts|js|mjs|cjs|json)$/;

/**
 * Resolves `specifier` imported from the folder `fromDir` (a path of the contents drive,
 * "" for its root, optionally "drive:folder"). Packages (`@pmxlab/kernel`, `tslab`, `fs`, …)
 * must be among `builtins` (a `node:` prefix is dropped); relative and absolute paths give
 * the files to try, in order, as TypeScript resolves them: the path as written when it has
 * an extension (with `.ts` tried first for `.js`, TypeScript's ESM convention), else `.ts`,
 * `.tsx`, `.js`, `.json`, then `index.ts` and `index.js` in it.
 *
 * @example
 * resolveImport("./checks", "courses/pk-basics", new Set(["tslab"]));
 * // { kind: "file", candidates: ["courses/pk-basics/checks.ts", …] }
 */
export function resolveImport(specifier: string, fromDir: string, builtins: ReadonlySet<string>): Resolution {
  const bare = specifier.startsWith("node:") ? specifier.slice("node:".length) : specifier;
  if (builtins.has(bare)) return { kind: "builtin", name: bare };
  if (!(specifier.startsWith("./") || specifier.startsWith("../") || specifier.startsWith("/") || specifier === "." || specifier === "..")) {
    throw new ModuleNotFoundError(`Cannot find module "${specifier}": the browser kernel serves ${[...builtins].sort().join(", ")} and files of the site (imports starting with ./ or ../)`);
  }
  const { drive, path: dir } = splitDrive(fromDir);
  const path = joinPath(specifier.startsWith("/") ? "" : dir, specifier, specifier);
  const withDrive = (p: string) => (drive === "" ? p : `${drive}:${p}`);
  if (SOURCE_EXTENSIONS.test(path)) {
    const ts = path.replace(/\.js$/, ".ts").replace(/\.mjs$/, ".mts");
    return { kind: "file", candidates: (ts === path ? [path] : [ts, path]).map(withDrive) };
  }
  const base = path === "" ? "" : `${path}/`;
  const candidates = path === "" ? [] : [`${path}.ts`, `${path}.tsx`, `${path}.js`, `${path}.json`];
  return { kind: "file", candidates: [...candidates, `${base}index.ts`, `${base}index.js`].map(withDrive) };
}

/** The folder of a file path ("a/b/c.ts" → "a/b"; drive prefix kept). */
export function folderOf(path: string): string {
  const { drive, path: p } = splitDrive(path);
  const cut = p.lastIndexOf("/");
  const dir = cut < 0 ? "" : p.slice(0, cut);
  return drive === "" ? dir : `${drive}:${dir}`;
}

function splitDrive(path: string): { drive: string; path: string } {
  const colon = path.indexOf(":");
  const slash = path.indexOf("/");
  return colon >= 0 && (slash < 0 || colon < slash) ? { drive: path.slice(0, colon), path: path.slice(colon + 1) } : { drive: "", path };
}

/** `dir` joined with `relative`, normalised (no ".", "..", empty or leading segments); an error when ".." leaves the drive. */
function joinPath(dir: string, relative: string, specifier: string): string {
  const parts: string[] = [];
  for (const segment of `${dir}/${relative}`.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (parts.length === 0) throw new ModuleNotFoundError(`Cannot find module "${specifier}": it leads above the top folder of the site's files`);
      parts.pop();
    } else parts.push(segment);
  }
  return parts.join("/");
}
